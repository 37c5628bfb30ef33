package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.GoldenFiles;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The boot scripts exactly as the planned resources carry them (the single VM's {@code startup-script} metadata or
 * user data, the pools' instance and launch templates), against reviewed golden files under
 * src/test/resources/golden. The golden file is the oracle: it was read line by line when it was written, and any
 * change to a script shows up as a diff to review. After an intended change, regenerate and review:
 *
 * <pre>
 * mvn -B -q test -Dtest=StartupScriptGoldenTest -Dstagecraft.updateGolden=true
 * git diff src/test/resources/golden
 * </pre>
 *
 * Values the mock engine makes up (resource ids, addresses, the Redis CA certificate) are deterministic: they are
 * derived from the resource names, so the files do not change from run to run.
 */
class StartupScriptGoldenTest {
    private static final String GCE = "gcp:compute/instance:Instance";
    private static final String EC2 = "aws:ec2/instance:Instance";
    private static final String GCE_TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
    private static final String EC2_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "stacks/single-vm.yaml,          " + GCE + ",          stagecraft-host-vm,             metadata.startup-script, startup-single-vm-gcp.sh",
            "stacks/single-vm-edge.yaml,     " + GCE + ",          stagecraft-host-vm,             metadata.startup-script, startup-single-vm-gcp-edge.sh",
            "stacks/single-vm-aws.yaml,      " + EC2 + ",          stagecraft-host-vm,             userData,                startup-single-vm-aws.sh",
            "stacks/single-vm-aws-edge.yaml, " + EC2 + ",          stagecraft-host-vm,             userData,                startup-single-vm-aws-edge.sh",
            "stacks/horizontal.yaml,         " + GCE_TEMPLATE + ", stagecraft-api-template,        metadata.startup-script, startup-pool-gcp-api.sh",
            "stacks/horizontal.yaml,         " + GCE_TEMPLATE + ", stagecraft-websocket-template,  metadata.startup-script, startup-pool-gcp-websocket.sh",
            "stacks/horizontal-aws.yaml,     " + EC2_TEMPLATE + ", stagecraft-api-template,        userData,                startup-pool-aws-api.sh",
            "stacks/horizontal-aws.yaml,     " + EC2_TEMPLATE + ", stagecraft-websocket-template,  userData,                startup-pool-aws-websocket.sh"})
    void theScriptIsTheReviewedOne(String stackFile, String type, String resource, String input, String golden) {
        List<ResourceNode> found = Plans.of(stackFile).run().graph().ofType(type).stream()
                .filter(n -> n.name().equals(resource)).toList();
        assertEquals(1, found.size(), stackFile + " has one " + type + " named " + resource);
        String script = found.get(0).string(input);
        assertNotNull(script, resource + " carries its script in " + input);
        if (type.equals(EC2_TEMPLATE)) {
            // launch templates take user data base64-encoded; the golden file is the script as the instance runs it
            script = new String(Base64.getDecoder().decode(script), StandardCharsets.UTF_8);
        }
        GoldenFiles.assertMatches(golden, script, StartupScriptGoldenTest.class);
    }
}
