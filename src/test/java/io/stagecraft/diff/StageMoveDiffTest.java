package io.stagecraft.diff;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Stage;
import io.stagecraft.stacks.PreviousDeployment;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Moves between stages and sizes, each planned as the next deployment of the one before (its outputs read back as the
 * last deployment), compared resource by resource. Expected operations are written out by hand from what each move
 * changes; none may delete or replace a database, disk, bucket or cache unless the retire setting says so.
 */
class StageMoveDiffTest {
    private static final String GCP = "stacks/single-vm.yaml";
    private static final String AWS = "stacks/single-vm-aws.yaml";

    /** One GCP stack that grows by users alone: it has the domains the horizontal stage needs from the start. */
    private static MapConfigSource gcp(int users, String... more) {
        Map<String, String> changes = new HashMap<>();
        changes.put("stagecraft:users", String.valueOf(users));
        changes.put("stagecraft:domains", "app.example.com");
        for (int i = 0; i < more.length; i += 2) {
            changes.put(more[i], more[i + 1]);
        }
        return Plans.settings(GCP, changes);
    }

    private static OfflinePlanner.Result first(MapConfigSource settings) {
        return OfflinePlanner.defaults().plan(settings);
    }

    /** The legacy single VM's resources (components included), as the single-VM stack declares them. */
    private static final Set<String> SINGLE_VM_RESOURCES = Set.of("stagecraft", "stagecraft-net", "stagecraft-net-vpc",
            "stagecraft-net-subnet", "stagecraft-firewall", "stagecraft-firewall-web", "stagecraft-firewall-ssh",
            "stagecraft-data", "stagecraft-data-disk", "stagecraft-data-snapshots", "stagecraft-data-snapshot-schedule",
            "stagecraft-host", "stagecraft-host-identity", "stagecraft-host-identity-sa",
            "stagecraft-host-identity-logwriter", "stagecraft-host-identity-metricwriter", "stagecraft-host-ip",
            "stagecraft-host-vm");

    @Test
    void singleVmToVerticalOnGcpUpdatesTheVmAndGrowsTheDisk() {
        OfflinePlanner.Result small = first(Plans.settings(GCP, Map.of("stagecraft:users", "300")));
        OfflinePlanner.Result big = Plans.next(small, Plans.settings(GCP, Map.of("stagecraft:users", "1500")));
        assertEquals(Stage.SINGLE_VM, small.plan().stage());
        assertEquals(Stage.VERTICAL, big.plan().stage());
        PlanDiff d = PlanDiff.between(small, big);
        assertEquals(Set.of(), d.names(Operation.CREATE));
        assertEquals(Set.of("stagecraft-data-disk", "stagecraft-host-vm"), d.names(Operation.UPDATE));
        assertEquals(Set.of(), d.names(Operation.REPLACE));
        assertEquals(Set.of(), d.names(Operation.DELETE));
        assertEquals(List.of("size"), paths(d, "stagecraft-data-disk"));
        assertEquals(List.of("machineType", "metadata.startup-script"), paths(d, "stagecraft-host-vm"));
        assertEquals(List.of(), d.risks());
        assertEquals("+ 0 to create, ~ 2 to update, +- 0 to replace, - 0 to delete, 16 unchanged", d.summaryLine());
        assertCostDeltaIsTheDifference(d);
    }

    @Test
    void singleVmToVerticalOnAwsUpdatesTheInstanceAndGrowsTheVolume() {
        OfflinePlanner.Result small = first(Plans.settings(AWS, Map.of("stagecraft:users", "300")));
        OfflinePlanner.Result big = Plans.next(small, Plans.settings(AWS, Map.of("stagecraft:users", "1500")));
        assertEquals(Stage.VERTICAL, big.plan().stage());
        PlanDiff d = PlanDiff.between(small, big);
        assertEquals(Set.of("stagecraft-data-volume", "stagecraft-host-vm"), d.names(Operation.UPDATE));
        assertEquals(Set.of(), d.names(Operation.CREATE));
        assertEquals(Set.of(), d.names(Operation.REPLACE));
        assertEquals(Set.of(), d.names(Operation.DELETE));
        assertEquals(List.of("size"), paths(d, "stagecraft-data-volume"));
        assertEquals(List.of("instanceType", "userData"), paths(d, "stagecraft-host-vm"));
        assertEquals(List.of(), d.refused(), "a bigger volume is an in-place ModifyVolume");
        assertEquals(List.of(), d.risks());
        assertCostDeltaIsTheDifference(d);
    }

    @Test
    void verticalToHorizontalKeepsTheSingleVmAsLegacyAndChangesOnlyItsMark() {
        OfflinePlanner.Result vertical = first(gcp(1500));
        OfflinePlanner.Result horizontal = Plans.next(vertical, gcp(5000));
        assertEquals(Stage.HORIZONTAL, horizontal.plan().stage());
        PlanDiff d = PlanDiff.between(vertical, horizontal);

        // created: exactly what a first deployment of the horizontal stage declares: the 80 resources of the horizontal
        // inventory (65 cloud resources in 15 components) less its notification channel, as no alert email is set here
        OfflinePlanner.Result fresh = first(gcp(5000));
        Set<String> freshUrns = fresh.run().graph().resources().stream().map(ResourceNode::urn).collect(Collectors.toSet());
        Set<String> created = d.resources().stream().filter(c -> c.operation() == Operation.CREATE)
                .map(ResourceChange::urn).collect(Collectors.toSet());
        assertEquals(freshUrns, created);
        assertEquals(79, created.size());

        assertEquals(Set.of("stagecraft-data-disk", "stagecraft-host-ip", "stagecraft-host-vm"), d.names(Operation.UPDATE));
        for (String name : d.names(Operation.UPDATE)) {
            assertEquals(List.of("labels.stagecraft-legacy"), paths(d, name), name + ": only the legacy mark changes");
        }
        assertEquals(Set.of(), d.names(Operation.REPLACE));
        assertEquals(Set.of(), d.names(Operation.DELETE), "moving up deletes nothing of the single VM");
        assertEquals(List.of(), d.risks());
        assertEquals(Set.copyOf(SINGLE_VM_RESOURCES), legacyNames(d), "the whole single-VM stack is kept");

        ResourceNode vm = horizontal.run().graph().one("gcp:compute/instance:Instance", "stagecraft-host-vm");
        assertEquals("n2-standard-4", vm.string("machineType"), "the legacy VM keeps the vertical stage's machine");
        Map<String, Object> outputs = horizontal.run().outputs();
        assertTrue(outputs.get("legacyShell").toString().startsWith("gcloud compute ssh stagecraft-host-vm-"));
        PreviousDeployment facts = PreviousDeployment.parse(outputs.get(PreviousDeployment.OUTPUT));
        assertEquals(Stage.HORIZONTAL, facts.stage().orElseThrow());
        assertEquals(Stage.VERTICAL, facts.legacyStage().orElseThrow());

        // the legacy stack is still costed: the graph is the sizing plan plus the single VM's lines
        BigDecimal legacy = CostDelta.total(vertical.graphCost());
        assertEquals(0, CostDelta.total(fresh.graphCost()).add(legacy).compareTo(CostDelta.total(horizontal.graphCost())));
        assertCostDeltaIsTheDifference(d);
    }

    @Test
    void aSingleVmMovingStraightToHorizontalIsKeptTooAndLaterDeploymentsKeepItUnchanged() {
        OfflinePlanner.Result single = first(gcp(300));
        OfflinePlanner.Result horizontal = Plans.next(single, gcp(5000));
        PlanDiff move = PlanDiff.between(single, horizontal);
        assertEquals(Set.of(), move.names(Operation.DELETE));
        assertEquals(List.of(), move.risks());
        assertEquals(Stage.SINGLE_VM, PreviousDeployment.parse(horizontal.run().outputs().get(PreviousDeployment.OUTPUT))
                .legacyStage().orElseThrow());

        OfflinePlanner.Result again = Plans.next(horizontal, gcp(5000));
        PlanDiff still = PlanDiff.between(horizontal, again);
        assertFalse(still.hasChanges(), still.changed().toString());
        assertEquals(Set.copyOf(SINGLE_VM_RESOURCES), legacyNames(still));
    }

    @Test
    void aSingleVmOnAwsMovingToHorizontalIsKeptAsLegacyWithItsVolume() {
        Map<String, String> small = Map.of("stagecraft:users", "300", "stagecraft:domains", "app.example.com");
        OfflinePlanner.Result single = first(Plans.settings(AWS, small));
        OfflinePlanner.Result horizontal = Plans.next(single, Plans.settings(AWS, Map.of("stagecraft:users", "5000",
                "stagecraft:domains", "app.example.com", "stagecraft:availability", "99.9")));
        assertEquals(Stage.HORIZONTAL, horizontal.plan().stage());
        PlanDiff move = PlanDiff.between(single, horizontal);
        assertEquals(Set.of(), move.names(Operation.DELETE), "moving up deletes nothing of the single VM on AWS");
        assertEquals(Set.of(), move.names(Operation.REPLACE));
        assertEquals(List.of(), move.risks());
        assertTrue(horizontal.run().graph().ofType("aws:ebs/volume:Volume").stream()
                .anyMatch(n -> n.name().equals("stagecraft-data-volume")), "the legacy data volume stays");
        assertEquals(Stage.SINGLE_VM, PreviousDeployment.parse(horizontal.run().outputs().get(PreviousDeployment.OUTPUT))
                .legacyStage().orElseThrow());
        assertCostDeltaIsTheDifference(move);
    }

    @Test
    void growingAndShrinkingInsideTheHorizontalStageNeverReplacesData() {
        OfflinePlanner.Result at5k = first(gcp(5000));
        OfflinePlanner.Result at9k = Plans.next(at5k, gcp(9000));
        OfflinePlanner.Result back = Plans.next(at9k, gcp(5000));
        // 5,000 to 9,000 users: the API pool scales by its autoscaler bounds and Cloud SQL resizes in place; the
        // websocket pool (two n2-highcpu-2 hold 9,000 users' sockets) and the 5 GB Memorystore band stay as they are
        Set<String> updated = Set.of("stagecraft-api-autoscaler", "stagecraft-sql-primary", "stagecraft-sql-replica-1");
        for (PlanDiff d : List.of(PlanDiff.between(at5k, at9k), PlanDiff.between(at9k, back))) {
            assertEquals(Set.of(), d.names(Operation.CREATE));
            assertEquals(Set.of(), d.names(Operation.DELETE));
            assertEquals(updated, d.names(Operation.UPDATE));
            assertEquals(Set.of(), d.names(Operation.REPLACE));
            assertEquals(List.of(), d.risks(), "no database, disk, bucket or cache is replaced or deleted");
            assertEquals(List.of(), d.refused());
            assertCostDeltaIsTheDifference(d);
        }
        PlanDiff up = PlanDiff.between(at5k, at9k);
        assertEquals(List.of("settings.tier"), paths(up, "stagecraft-sql-primary"));
        // max_connections rises on the replicas first (hot standby needs replicas >= primary); the primary follows
        assertEquals(List.of("settings.databaseFlags.0.value", "settings.tier"), paths(up, "stagecraft-sql-replica-1"));
        // each line rounded to the cent, as CostDelta bills it (us-central1, 99.5%: no standby, no spare instance):
        // API pool 5 -> 9 n2-highcpu-2 $261.69 -> $471.04 (+209.35) and their boot disks 150 -> 270 GB (+12.00);
        // Cloud SQL db-custom-2-7680 -> db-custom-2-13312, $98.62 -> $126.73 for the primary and the replica (+28.11 each);
        // database disks 280 -> 500 GB at $0.17 on both (+37.40 each) and backups at $0.08 (+17.60);
        // Cloud NAT for 7 -> 11 VMs $7.15 -> $11.24 (+4.09); media 250 -> 450 GB at $0.02 (+4.00): +378.06
        assertEquals(new java.math.BigDecimal("378.06"), up.cost().delta());
        PlanDiff down = PlanDiff.between(at9k, back);
        assertEquals(new java.math.BigDecimal("-378.06"), down.cost().delta());
        assertEquals(0, up.cost().delta().add(down.cost().delta()).signum(), "back where it started");
    }

    @Test
    void aBiggerPoolMachineIsANewTemplateThatItsGroupRollsTo() {
        OfflinePlanner.Result before = first(gcp(5000));
        OfflinePlanner.Result after = Plans.next(before, gcp(5000, "stagecraft:websocketType", "n2-highcpu-4"));
        PlanDiff d = PlanDiff.between(before, after);
        // instance templates are immutable: a new one is created before the old one goes, and the group follows it
        assertEquals(Set.of("stagecraft-websocket-template"), d.names(Operation.REPLACE));
        assertEquals(Set.of("stagecraft-websocket-group"), d.names(Operation.UPDATE));
        assertEquals(List.of("versions.0.instanceTemplate"), paths(d, "stagecraft-websocket-group"));
        assertEquals(List.of(), d.risks());
        // two n2-highcpu-4 (2 x $0.143392/h x 730 h = $209.35) instead of two n2-highcpu-2 ($104.68)
        assertEquals(new java.math.BigDecimal("104.67"), d.cost().delta());
        assertCostDeltaIsTheDifference(d);
    }

    @Test
    void fewerUsersOnASingleVmNeverShrinkItsDiskWhenPlannedAsTheNextDeployment() {
        OfflinePlanner.Result big = first(Plans.settings(GCP, Map.of("stagecraft:users", "1500")));
        OfflinePlanner.Result small = Plans.next(big, Plans.settings(GCP, Map.of("stagecraft:users", "300")));
        PlanDiff d = PlanDiff.between(big, small);
        assertEquals(Set.of("stagecraft-host-vm"), d.names(Operation.UPDATE), "the machine shrinks, the disk stays");
        assertEquals(List.of(), d.risks());
    }

    @Test
    void aShrinkingDiskIsAReplacementOnGcpAndARefusalOnAws() {
        // two first deployments, not successive ones: the smaller plan does not know the disk's size, so it shrinks it
        OfflinePlanner.Result gcpBig = first(Plans.settings(GCP, Map.of("stagecraft:users", "1500")));
        OfflinePlanner.Result gcpSmall = first(Plans.settings(GCP, Map.of("stagecraft:users", "300")));
        PlanDiff gcp = PlanDiff.between(gcpBig, gcpSmall);
        assertTrue(gcp.names(Operation.REPLACE).contains("stagecraft-data-disk"));
        DataRisk disk = gcp.risks().get(0);
        assertEquals("stagecraft-data-disk", disk.name());
        assertEquals(Operation.REPLACE, disk.operation());
        assertEquals("size: 220 => 50 (a decrease replaces, google-beta 5.0.0)", disk.reasons().get(0));
        assertTrue(disk.reasons().get(1).startsWith("a replacement deletes this persistent disk and everything on the disk"));

        OfflinePlanner.Result awsBig = first(Plans.settings(AWS, Map.of("stagecraft:users", "1500")));
        OfflinePlanner.Result awsSmall = first(Plans.settings(AWS, Map.of("stagecraft:users", "300")));
        PlanDiff aws = PlanDiff.between(awsBig, awsSmall);
        List<String> refusals = aws.refused().stream().map(ResourceChange::name).toList();
        assertEquals(List.of("stagecraft-data-volume"), refusals);
        assertTrue(aws.refused().get(0).refusals().get(0).startsWith("size: 220 => 50 (the cloud API refuses a decrease"),
                aws.refused().get(0).refusals().toString());
        assertEquals(List.of(), aws.risks(), "refused, not replaced: the volume survives a failed update");
    }

    @Test
    void retiringTheLegacyStageDeletesItsResourcesAndListsItsDisk() {
        OfflinePlanner.Result vertical = first(gcp(1500));
        OfflinePlanner.Result horizontal = Plans.next(vertical, gcp(5000));
        OfflinePlanner.Result retired = Plans.next(horizontal, gcp(5000, "stagecraft:retire", "vertical"));
        PlanDiff d = PlanDiff.between(horizontal, retired);
        assertEquals(Set.copyOf(SINGLE_VM_RESOURCES), d.names(Operation.DELETE));
        assertEquals(Set.of(), d.names(Operation.CREATE));
        assertEquals(Set.of(), d.names(Operation.UPDATE));
        assertEquals(Set.of(), d.names(Operation.REPLACE));
        assertEquals(1, d.risks().size());
        DataRisk disk = d.risks().get(0);
        assertEquals("stagecraft-data-disk", disk.name());
        assertEquals(Operation.DELETE, disk.operation());
        assertEquals("the legacy vertical stack is retired (stagecraft:retire = vertical)", disk.reasons().get(0));
        assertFalse(disk.retainOnDelete(), "dev: the disk really goes");
        // what the stack saves is exactly what the single VM cost
        assertEquals(0, d.cost().delta().negate().compareTo(CostDelta.total(vertical.graphCost())));
        assertCostDeltaIsTheDifference(d);

        // the setting may stay: the next deployment has nothing left to retire and changes nothing
        OfflinePlanner.Result later = Plans.next(retired, gcp(5000, "stagecraft:retire", "vertical"));
        assertFalse(PlanDiff.between(retired, later).hasChanges());
    }

    @Test
    void aProtectedLegacyStackIsRetiredInTwoStepsAndItsDiskIsRetained() {
        OfflinePlanner.Result vertical = first(gcp(1500, "stagecraft:environment", "prod"));
        OfflinePlanner.Result horizontal = Plans.next(vertical, gcp(5000, "stagecraft:environment", "prod"));
        ResourceNode kept = horizontal.run().graph().one("gcp:compute/disk:Disk");
        assertTrue(kept.options().protect() && kept.options().retainOnDelete(), "prod: protected and retained");
        assertFalse(horizontal.policy().hasMandatoryViolations(), "the legacy VM needs no Cloud SQL grant: "
                + horizontal.policy().summary());

        OfflinePlanner.Result step1 = Plans.next(horizontal, gcp(5000, "stagecraft:environment", "prod",
                "stagecraft:retire", "vertical"));
        PlanDiff unprotect = PlanDiff.between(horizontal, step1);
        assertEquals(Set.of("stagecraft-data-disk", "stagecraft-host-ip"), unprotect.names(Operation.UPDATE));
        assertEquals(List.of("[protect]"), paths(unprotect, "stagecraft-data-disk"), "retainOnDelete stays");
        assertEquals(List.of("[protect]"), paths(unprotect, "stagecraft-host-ip"));
        assertEquals(Set.of(), unprotect.names(Operation.DELETE), "Pulumi cannot delete a protected resource");
        assertFalse(step1.policy().hasMandatoryViolations(), "retiring on purpose is not a policy violation: "
                + step1.policy().summary());

        OfflinePlanner.Result step2 = Plans.next(step1, gcp(5000, "stagecraft:environment", "prod",
                "stagecraft:retire", "vertical"));
        PlanDiff remove = PlanDiff.between(step1, step2);
        assertEquals(Set.copyOf(SINGLE_VM_RESOURCES), remove.names(Operation.DELETE));
        DataRisk disk = remove.risks().get(0);
        assertFalse(disk.protect());
        assertTrue(disk.retainOnDelete(), "the disk is dropped from the stack but left in the cloud");
        assertTrue(disk.reasons().stream().anyMatch(r -> r.startsWith("retainOnDelete")));
    }

    @Test
    void theRetireSettingOnlyNamesAStageRunningAsLegacy() {
        OfflinePlanner.Result vertical = first(gcp(1500));
        InvalidInputException sameRun = assertThrows(InvalidInputException.class,
                () -> Plans.next(vertical, gcp(5000, "stagecraft:retire", "vertical")));
        assertTrue(sameRun.getMessage().contains("stagecraft:retire = \"vertical\": vertical is the stage this stack ran"
                + " until now: this deployment keeps it as legacy beside horizontal"), sameRun.getMessage());

        InvalidInputException nothing = assertThrows(InvalidInputException.class,
                () -> Plans.next(vertical, gcp(1500, "stagecraft:retire", "single-vm")));
        assertTrue(nothing.getMessage().contains("no stage runs as legacy in this stack"), nothing.getMessage());

        OfflinePlanner.Result horizontal = Plans.next(vertical, gcp(5000));
        InvalidInputException other = assertThrows(InvalidInputException.class,
                () -> Plans.next(horizontal, gcp(5000, "stagecraft:retire", "single-vm")));
        assertTrue(other.getMessage().contains("the stage running as legacy is vertical, not single-vm. Allowed: vertical"),
                other.getMessage());

        InvalidInputException notSingle = assertThrows(InvalidInputException.class,
                () -> first(gcp(5000, "stagecraft:retire", "horizontal")));
        assertEquals("stagecraft:retire = \"horizontal\": only a single-VM stage is kept as legacy after a move up, so only"
                + " it can be retired. Allowed: single-vm | vertical", notSingle.getMessage());
    }

    @Test
    void aStackDoesNotMoveBetweenClouds() {
        OfflinePlanner.Result onGcp = first(gcp(300));
        InvalidInputException moved = assertThrows(InvalidInputException.class, () -> Plans.next(onGcp,
                Plans.settings(AWS, Map.of("stagecraft:users", "300"))));
        assertEquals("stack = \"single-vm-aws\": the program stopped: This stack last ran on gcp and stagecraft:cloud is"
                + " now aws. Stagecraft does not move a stack between clouds: the gcp resources, and the data on them,"
                + " would be deleted. Nothing was changed. Keep stagecraft:cloud gcp, or deploy aws as a new stack and"
                + " migrate the data to it.", moved.getMessage());
    }

    @Test
    void aSingleVmWhoseBuildWasNotRecordedStopsTheMoveInsteadOfDeletingIt() {
        // outputs as an older deployment wrote them: the stage, but no record of how the VM was built
        Map<String, Object> older = Map.of(PreviousDeployment.OUTPUT, Map.of("stage", "single-vm", "dataDiskGb", 50.0));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OfflinePlanner.defaults().plan(gcp(5000), older));
        assertTrue(e.getMessage().contains("cannot keep it unchanged beside the horizontal stage"), e.getMessage());
    }

    @Test
    void aTypeTheReplacementTableLacksStopsTheDiff() {
        OfflinePlanner.Result a = Plans.of(GCP);
        ReplacementTable onlyDisks = ReplacementTable.parse("""
                types:
                  - type: "gcp:compute/disk:Disk"
                    source: {provider: google-beta, version: "5.0.0", resource: google_compute_disk}
                    replaceOn: [zone]
                """, "test table");
        ReplacementTableException e = assertThrows(ReplacementTableException.class, () -> PlanDiff.between(a, a, onlyDisks));
        assertTrue(e.getMessage().startsWith("the replacement table has no entry for gcp:compute/address:Address,"),
                e.getMessage());
    }

    /** The changed inputs (and options) of one resource, in the diff's order. */
    static List<String> paths(PlanDiff d, String name) {
        return d.resources().stream().filter(c -> c.name().equals(name) && c.operation().changes())
                .flatMap(c -> c.changes().stream().map(PropertyChange::path)).toList();
    }

    /** Names of resources under the single-VM stack component in the "to" plan (or the "from" plan if it is gone). */
    private static Set<String> legacyNames(PlanDiff d) {
        return d.resources().stream().filter(c -> c.urn().contains("stagecraft:gcp:SingleVmStack"))
                .map(ResourceChange::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The delta is exactly the sum of the line deltas and the difference of the totals, which are the plans' own. */
    static void assertCostDeltaIsTheDifference(PlanDiff d) {
        CostDelta c = d.cost();
        assertEquals(0, c.delta().compareTo(c.afterTotal().subtract(c.beforeTotal())));
        BigDecimal sum = c.lines().stream().map(CostDelta.Line::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, c.delta().compareTo(sum));
        assertEquals(0, c.beforeTotal().compareTo(CostDelta.total(d.from().graphCost())));
        assertEquals(0, c.afterTotal().compareTo(CostDelta.total(d.to().graphCost())));
        double rounding = 0.005 * (d.from().graphCost().items().size() + d.to().graphCost().items().size());
        assertEquals(d.to().graphCost().monthlyTotal() - d.from().graphCost().monthlyTotal(), c.delta().doubleValue(),
                rounding + 1e-9);
    }
}
