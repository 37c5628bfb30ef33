package io.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    @Test
    void plansTheDevStackWithTreeAndCost() {
        SizeCommandTest.Run r = SizeCommandTest.run("plan", "--stack", "dev");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Stagecraft plan: single-vm on gcp in us-central1"));
        assertTrue(r.out().contains("+ stagecraft  stagecraft:gcp:SingleVmStack"));
        assertTrue(r.out().contains("- stagecraft-host-vm  gcp:compute/instance:Instance  [machineType=e2-standard-2"));
        assertTrue(r.out().contains("Monthly cost of these resources"));
        assertTrue(r.out().contains("(agrees with the sizing plan)"));
        assertTrue(r.out().contains("url: http://203.0.113."));
    }

    @Test
    void jsonEmitsTheGraph() {
        SizeCommandTest.Run r = SizeCommandTest.run("plan", "--config", "stacks/single-vm-aws.yaml", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("single-vm", o.get("stage").getAsString());
        var resources = o.getAsJsonArray("resources");
        // 16 cloud resources (src/test/resources/inventories/single-vm-aws.yaml), 5 components and the stack itself
        assertEquals(22, resources.size());
        JsonObject vm = null;
        for (var e : resources) {
            if (e.getAsJsonObject().get("type").getAsString().equals("aws:ec2/instance:Instance")) {
                vm = e.getAsJsonObject();
            }
        }
        assertNotNull(vm);
        assertEquals("t3.large", vm.getAsJsonObject("inputs").get("instanceType").getAsString());
        assertEquals("ami", vm.getAsJsonObject("options").getAsJsonArray("ignoreChanges").get(0).getAsString());
        assertTrue(vm.get("parent").getAsString().endsWith("stagecraft:aws:VmHost::stagecraft-host"));
        // t3.large $60.736 + root 30 GB $2.40 + data 50 GB $4.00 + snapshots $2.50 + Elastic IP $3.65 = $73.286
        assertEquals(73.29, o.get("monthlyCostUsd").getAsDouble(), 1e-9);
    }

    @Test
    void badSettingsAreOneLine() {
        SizeCommandTest.Run r = SizeCommandTest.run("plan", "--stack", "nope");
        assertEquals(Cli.EXIT_INPUT, r.code());
        assertEquals("error: stack file = \"./Pulumi.nope.yaml\": not found. Allowed: a Pulumi stack file with a config: map",
                r.err().strip());
        SizeCommandTest.Run neither = SizeCommandTest.run("plan");
        assertEquals(2, neither.code(), "picocli's usage error");
        assertTrue(neither.err().startsWith(
                "Error: Missing required argument (specify one of these): (--stack=NAME | --config=FILE)\n"), neither.err());
    }
}
