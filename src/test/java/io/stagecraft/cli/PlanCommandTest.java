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
        assertTrue(resources.size() > 20);
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
        assertTrue(o.get("monthlyCostUsd").getAsDouble() > 50);
    }

    @Test
    void badSettingsAreOneLine() {
        SizeCommandTest.Run r = SizeCommandTest.run("plan", "--stack", "nope");
        assertEquals(Cli.EXIT_INPUT, r.code());
        assertEquals("error: stack file = \"./Pulumi.nope.yaml\": not found. Allowed: a Pulumi stack file with a config: map",
                r.err().strip());
        SizeCommandTest.Run both = SizeCommandTest.run("plan");
        assertNotEquals(0, both.code());
    }
}
