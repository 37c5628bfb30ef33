package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.diff.InputDiff;
import io.stagecraft.diff.ReplacementTable;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Growing from the single-vm stage (300 users) to the vertical stage (1,500) is an in-place update: the same
 * resources (types and names), only properties change, and none of the changes is one that replaces a resource.
 */
class VerticalMoveTest {

    @ParameterizedTest
    @ValueSource(strings = {"stacks/single-vm.yaml", "stacks/single-vm-aws.yaml"})
    void singleToVerticalUpdatesInPlace(String stackFile) {
        OfflinePlanner.Result small = Plans.of(stackFile, Map.of("stagecraft:users", "300"));
        OfflinePlanner.Result big = Plans.of(stackFile, Map.of("stagecraft:users", "1500"));
        assertEquals(Stage.SINGLE_VM, small.plan().stage());
        assertEquals(Stage.VERTICAL, big.plan().stage());

        ResourceGraph before = small.run().graph();
        ResourceGraph after = big.run().graph();
        assertEquals(urns(before), urns(after), "same resources: nothing created or deleted");

        List<String> replacements = new ArrayList<>();
        Set<String> changed = new TreeSet<>();
        for (ResourceNode b : before.resources()) {
            ResourceNode a = after.byUrn(b.urn()).orElseThrow();
            replacements.addAll(ReplacementTable.load().replacementCauses(b, a).stream().map(c -> b.name() + " " + c).toList());
            replacements.addAll(ReplacementTable.load().refusals(b, a).stream().map(c -> b.name() + " refused " + c).toList());
            InputDiff.changedPaths(b, a).forEach(p -> changed.add(b.type() + " " + p));
        }
        assertEquals(List.of(), replacements, "no change may replace a resource, nor be refused by the cloud API");

        boolean gcp = stackFile.equals("stacks/single-vm.yaml");
        String vm = gcp ? "gcp:compute/instance:Instance" : "aws:ec2/instance:Instance";
        String disk = gcp ? "gcp:compute/disk:Disk" : "aws:ebs/volume:Volume";
        String script = gcp ? vm + " metadata.startup-script" : vm + " userData";
        Set<String> expected = Set.of(vm + (gcp ? " machineType" : " instanceType"), disk + " size", script);
        assertEquals(expected, changed, "only the machine type, the data disk size and the boot script change");

        ResourceNode diskBefore = before.one(disk);
        ResourceNode diskAfter = after.one(disk);
        // (20 GB database + 15 GB media) / 0.70 = 50 GB; (75 + 75) / 0.70 = 214.3 -> 220 GB (rounded up to 10 GB)
        assertEquals(50, diskBefore.number("size"));
        assertEquals(220, diskAfter.number("size"), "the data disk grows");
        if (gcp) {
            assertTrue(after.one(vm).bool("allowStoppingForUpdate"), "GCE may stop the VM to change its machine type");
        }
    }

    private static Set<String> urns(ResourceGraph g) {
        return g.resources().stream().map(ResourceNode::urn).collect(Collectors.toCollection(TreeSet::new));
    }
}
