package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.components.aws.AwsInstancePool;
import io.stagecraft.components.gcp.GcpInstancePool;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The stacks' small rules, with hand-written cases: the order max_connections changes in, the autoscaling rules per
 * pool, and the facts a deployment leaves for the next one (read back strictly: a malformed fact counts as absent).
 */
class StackRulesTest {
    private static PreviousDeployment previous(int primary, int replicas) {
        return new PreviousDeployment(Optional.of(Stage.HORIZONTAL), 0, primary, replicas, List.of(), 0, Optional.empty(),
                false, Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty());
    }

    @Test
    void maxConnectionsRiseOnTheReplicasFirstAndFallOnThePrimaryFirst() {
        assertEquals(new MaxConnections(120, 120), MaxConnections.orderSafe(120, PreviousDeployment.NONE), "first deployment");
        assertEquals(new MaxConnections(120, 120), MaxConnections.orderSafe(120, previous(0, 100)), "no primary value known");
        assertEquals(new MaxConnections(120, 120), MaxConnections.orderSafe(120, previous(100, 0)), "no replica value known");
        // a rise from 100 to 200: the replicas first (200), the primary stays at the replicas' old 100 until next time
        MaxConnections rise = MaxConnections.orderSafe(200, previous(100, 100));
        assertEquals(new MaxConnections(100, 200), rise);
        assertTrue(rise.settling(200));
        assertEquals(new MaxConnections(200, 200), MaxConnections.orderSafe(200, previous(100, 200)), "the next deployment");
        assertFalse(MaxConnections.orderSafe(200, previous(100, 200)).settling(200));
        // a fall from 200 to 80: the primary first (80), the replicas keep the primary's old 200
        assertEquals(new MaxConnections(80, 200), MaxConnections.orderSafe(80, previous(200, 200)));
        assertTrue(new MaxConnections(80, 200).settling(80));
        assertTrue(new MaxConnections(100, 80).settling(80), "the primary still to move");
    }

    @Test
    void poolsScaleByScalingGuideThreesRules() {
        Coefficients k = Coefficients.defaults().with(Coefficient.TARGET_CPU, 0.6);
        // API: CPU and request rate at the target, 60 s cooldown, at most one instance removed per 5 minutes
        assertEquals(new GcpInstancePool.Scaling(0.6, 0.6, null, 60, 1, 300), PoolScaling.forTier(Tier.API, k));
        // websockets: CPU and 75% memory, 120 s cooldown, one instance per 10 minutes (open connections drain)
        assertEquals(new GcpInstancePool.Scaling(0.6, null, 75.0, 120, 1, 600), PoolScaling.forTier(Tier.WEBSOCKET, k));
        assertEquals(new GcpInstancePool.Scaling(0.6, null, null, 120, 1, 600), PoolScaling.forTier(Tier.GPU, k));
        // AWS: the CPU target in percent; the API at its requests per instance per minute (ALB counts per minute)
        assertEquals(new AwsInstancePool.Scaling(60.0, 6600.0, null, 60), PoolScaling.forAws(Tier.API, 110.0, k),
                "110 req/s x 60 s");
        assertEquals(new AwsInstancePool.Scaling(60.0, 6001.0, null, 60), PoolScaling.forAws(Tier.API, 100.01, k),
                "rounded to whole requests");
        assertEquals(new AwsInstancePool.Scaling(60.0, null, 75.0, 120), PoolScaling.forAws(Tier.WEBSOCKET, 4000, k));
        assertEquals(new AwsInstancePool.Scaling(60.0, null, null, 120), PoolScaling.forAws(Tier.GPU, 1, k));
        // the backend's max rate: what an instance serves at 100% CPU, 60 req/s at 60% -> 100 req/s
        assertEquals(100.0, PoolScaling.maxRatePerInstance(60.0, k), 1e-9);
    }

    @Test
    void aDeploymentsFactsRoundTrip() {
        Map<String, Object> facts = PreviousDeployment.facts(Stage.HORIZONTAL, 0, 80, 100, List.of("app.example.com"), 280);
        assertEquals(Map.of("stage", "horizontal", "dbPrimaryMaxConnections", 80, "dbReplicaMaxConnections", 100,
                "certificateDomains", List.of("app.example.com"), "dbStorageGb", 280), facts);
        PreviousDeployment read = PreviousDeployment.parse(facts);
        assertEquals(Optional.of(Stage.HORIZONTAL), read.stage());
        assertEquals(0, read.dataDiskGb());
        assertEquals(80, read.dbPrimaryMaxConnections());
        assertEquals(100, read.dbReplicaMaxConnections());
        assertEquals(List.of("app.example.com"), read.certificateDomains());
        assertEquals(280, read.dbStorageGb());
        assertEquals(Map.of("stage", "single-vm", "dataDiskGb", 50),
                PreviousDeployment.facts(Stage.SINGLE_VM, 50, 0, 0, List.of()), "only what the stage has");
    }

    @Test
    void malformedFactsCountAsAbsent() {
        assertEquals(PreviousDeployment.NONE, PreviousDeployment.parse(null));
        assertEquals(PreviousDeployment.NONE, PreviousDeployment.parse("horizontal"));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("stage", "huge");
        bad.put("dataDiskGb", -50);
        bad.put("dbPrimaryMaxConnections", "80");
        bad.put("dbReplicaMaxConnections", 3e9);
        bad.put("dbStorageGb", 0.0);
        bad.put("certificateDomains", "app.example.com");
        bad.put(PreviousDeployment.LEGACY_STAGE, 2);
        assertEquals(PreviousDeployment.NONE, PreviousDeployment.parse(bad));
        Map<String, Object> fractional = Map.of("dataDiskGb", 50.7, "dbStorageGb", 1.0);
        assertEquals(50, PreviousDeployment.parse(fractional).dataDiskGb(), "a whole number of GB, rounded down");
        assertEquals(1, PreviousDeployment.parse(fractional).dbStorageGb());
    }

    @Test
    void aSingleVmsFactsSayWhetherItsDataIsProtectedAndUnknownCountsAsProtected() {
        Map<String, Object> vm = new LinkedHashMap<>(Map.of("machineType", "e2-standard-2"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(PreviousDeployment.SINGLE_VM, vm);
        m.put(PreviousDeployment.LEGACY_STAGE, "vertical");
        m.put(PreviousDeployment.RETIRED_STAGE, "single-vm");
        PreviousDeployment unknown = PreviousDeployment.parse(m);
        assertEquals(Optional.of(Map.of("machineType", "e2-standard-2")), unknown.singleVm());
        assertTrue(unknown.singleVmProtected(), "no protected fact: the careful path");
        assertEquals(Optional.of(Stage.VERTICAL), unknown.legacyStage());
        assertEquals(Optional.of(Stage.SINGLE_VM), unknown.retiredStage());
        vm.put(PreviousDeployment.SINGLE_VM_PROTECTED, false);
        assertFalse(PreviousDeployment.parse(m).singleVmProtected());
        vm.put(PreviousDeployment.SINGLE_VM_PROTECTED, true);
        assertTrue(PreviousDeployment.parse(m).singleVmProtected());
    }
}
