package io.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.planning.StackPlanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfflineEngineTest {

    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("gcp:project", "demo-project");
        m.put("stagecraft:cloud", "gcp");
        m.put("stagecraft:region", "us-central1");
        m.put("stagecraft:users", "300");
        return m;
    }

    @Test
    void badSettingsStopAtTheFrontDoorWithOneMessage() {
        Map<String, String> m = base();
        m.put("stagecraft:users", "-1");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StackPlanner.defaults().size(new MapConfigSource(m, Set.of(), "dev")));
        assertEquals("stagecraft:users = \"-1\": must be above zero. Allowed: a whole number from 1 to 100000000",
                e.getMessage());
    }

    @Test
    void aMissingGcpProjectIsNamedAndNothingIsCreated() {
        Map<String, String> m = base();
        m.remove("gcp:project");
        OfflineEngine.Run run = Plans.run(new MapConfigSource(m, Set.of(), "dev"));
        assertEquals(1, run.errors().size(), run.errors().toString());
        assertTrue(run.errors().get(0).startsWith("gcp:project is not set: is required on GCP"), run.errors().toString());
        assertTrue(run.graph().customResources().isEmpty());
        assertTrue(run.outputs().isEmpty());
    }

    @Test
    void aStageThatCannotBeBuiltYetFailsClearly() {
        Map<String, String> m = new HashMap<>();
        m.put("stagecraft:cloud", "aws");
        m.put("stagecraft:region", "us-east-1");
        m.put("stagecraft:users", "30000");
        m.put("stagecraft:dbPassword", "x");
        OfflineEngine.Run run = Plans.run(new MapConfigSource(m, Set.of("stagecraft:dbPassword"), "dev"));
        assertEquals(1, run.errors().size());
        assertTrue(run.errors().get(0).startsWith("The enterprise stage on aws is sized"), run.errors().get(0));
        assertTrue(run.graph().customResources().isEmpty());
    }

    @Test
    void theGraphRecordsParentsInputsOptionsAndOutputs() {
        OfflinePlanner.Result r = Plans.of("stacks/single-vm.yaml");
        ResourceGraph g = r.run().graph();
        ResourceNode vm = g.one("gcp:compute/instance:Instance");
        assertEquals(List.of("stagecraft:gcp:SingleVmStack", "stagecraft:gcp:VmHost"),
                g.ancestors(vm).stream().filter(n -> !n.isStack()).map(ResourceNode::type).toList());
        assertTrue(vm.urn().contains("stagecraft:gcp:SingleVmStack$stagecraft:gcp:VmHost$gcp:compute/instance:Instance::stagecraft-host-vm"),
                vm.urn());
        assertEquals("203.0.113.139", r.run().outputs().get("publicIp"));
        assertTrue(g.one("gcp:compute/address:Address").outputs().get("address").toString().startsWith("203.0.113."));
        // the instance depends on the disk, the address and the service account it references
        assertTrue(vm.options().dependsOn().stream().anyMatch(u -> u.endsWith("::stagecraft-data-disk")), vm.options().dependsOn().toString());
        // the startup script carries no secret: passwords are generated on the VM
        String script = vm.string("metadata.startup-script");
        assertFalse(script.contains(io.stagecraft.config.StackFile.SECRET_PLACEHOLDER));
        assertTrue(script.contains("max_connections=50"));
    }

    @Test
    void runsAreDeterministic() {
        MapConfigSource src = new MapConfigSource(base(), Set.of(), "dev");
        OfflineEngine.Run a = Plans.run(src);
        OfflineEngine.Run b = Plans.run(src);
        assertEquals(a.graph().nodes(), b.graph().nodes());
        assertEquals(a.outputs(), b.outputs());
    }
}
