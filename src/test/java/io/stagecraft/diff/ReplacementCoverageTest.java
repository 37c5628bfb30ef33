package io.stagecraft.diff;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every cloud resource type the shipped stacks create has a replacement-table entry: planning every file in
 * stacks/ and both Pulumi stack files must find no type the table lacks. A stack that starts creating a new type
 * fails here until the type gets its entry.
 */
class ReplacementCoverageTest {
    private static final ReplacementTable TABLE = ReplacementTable.load();

    /** Custom resource types in the graphs that the table has no entry for. */
    static Set<String> uncoveredTypes(ReplacementTable table, List<ResourceGraph> graphs) {
        Set<String> missing = new TreeSet<>();
        for (ResourceGraph g : graphs) {
            for (ResourceNode n : g.customResources()) {
                if (!table.covers(n.type())) {
                    missing.add(n.type());
                }
            }
        }
        return missing;
    }

    private static List<String> stackFiles() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("stacks")), Files.list(Path.of(".")))) {
            return s.map(p -> Path.of(".").relativize(p.normalize()).toString())
                    .filter(f -> f.startsWith("stacks/") ? f.endsWith(".yaml") : f.matches("Pulumi\\.[a-z]+\\.yaml"))
                    .sorted().toList();
        }
    }

    @Test
    void everyTypeTheStacksCreateIsCovered() throws IOException {
        List<ResourceGraph> graphs = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        for (String file : stackFiles()) {
            ResourceGraph g = Plans.of(file).run().graph();
            graphs.add(g);
            g.customResources().forEach(n -> types.add(n.type()));
        }
        assertEquals(Set.of(), uncoveredTypes(TABLE, graphs));
        // the plans really produced the stacks' resources: GCP single VM, GCP horizontal and AWS single VM types
        assertTrue(types.containsAll(List.of("gcp:compute/instance:Instance", "gcp:sql/databaseInstance:DatabaseInstance",
                "gcp:compute/instanceTemplate:InstanceTemplate", "aws:ec2/instance:Instance", "aws:ebs/volume:Volume")), types.toString());
        // the distinct types of every provisioned example stack (src/test/resources/inventories lists them per stack)
        assertEquals(116, types.size(), "types planned: " + types);
    }

    @Test
    void aTypeTheTableLacksIsReported() {
        ResourceNode stranger = new ResourceNode("urn:pulumi:x::stagecraft::gcp:compute/instanceGroup:InstanceGroup::g",
                "gcp:compute/instanceGroup:InstanceGroup", "g", null, true, Map.of(), Map.of(),
                new io.stagecraft.engine.ResourceOptionsView(false, List.of(), List.of(), List.of(), List.of(), false, false, null, null));
        ResourceNode known = new ResourceNode("urn:pulumi:x::stagecraft::gcp:compute/disk:Disk::d", "gcp:compute/disk:Disk", "d",
                null, true, Map.of(), Map.of(),
                new io.stagecraft.engine.ResourceOptionsView(false, List.of(), List.of(), List.of(), List.of(), false, false, null, null));
        ResourceNode component = new ResourceNode("urn:pulumi:x::stagecraft::stagecraft:gcp:Thing::t", "stagecraft:gcp:Thing", "t",
                null, false, Map.of(), Map.of(),
                new io.stagecraft.engine.ResourceOptionsView(false, List.of(), List.of(), List.of(), List.of(), false, false, null, null));
        assertEquals(Set.of("gcp:compute/instanceGroup:InstanceGroup"),
                uncoveredTypes(TABLE, List.of(new ResourceGraph(List.of(known, stranger, component)))));
        assertEquals(Set.of(), uncoveredTypes(TABLE, List.of(new ResourceGraph(List.of(known, component)))),
                "components are not cloud resources");
    }
}
