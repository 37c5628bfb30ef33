package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pods packed onto nodes by their requests: hand-worked cases and a node-by-node simulation written here. */
class NodePackingTest {
    private static PodPlan pod(String name, int replicas, double cpu, int memoryMb) {
        return new PodPlan(name, "r", replicas, replicas, replicas, cpu, memoryMb, 0, 0);
    }

    private static PodPlan pod(String name, int replicas, double cpu, int memoryMb, double sidecarCpu, int sidecarMemoryMb) {
        return new PodPlan(name, "r", replicas, replicas, replicas, cpu, memoryMb, sidecarCpu, sidecarMemoryMb);
    }

    @Test
    void handWorkedCases() {
        // 10 pods of 1 CPU / 1 GiB on 4-CPU / 16 GiB nodes: CPU bound, 4 per node -> 3 nodes (4 + 4 + 2)
        assertEquals(3, NodePacking.nodes(List.of(pod("api", 10, 1.0, 1024)), 4.0, 16.0, 110));
        // memory bound: 3 GiB pods on 8 GiB nodes fit 2 each -> 5 pods need 3 nodes
        assertEquals(3, NodePacking.nodes(List.of(pod("cache", 5, 0.1, 3072)), 8.0, 8.0, 110));
        // the pod limit binds: 0.1 CPU pods, 3 per node -> 7 pods need 3 nodes
        assertEquals(3, NodePacking.nodes(List.of(pod("tiny", 7, 0.1, 64)), 8.0, 32.0, 3));
        // mixed: 2 big (2 CPU, 6 GiB) and 4 small (0.5 CPU, 1 GiB) on 4 CPU / 8 GiB nodes: each node takes one big pod
        // (memory 6 of 8) and then 2 small (CPU 2 + 1 = 3, memory 8): 2 nodes hold everything
        assertEquals(2, NodePacking.nodes(List.of(pod("small", 4, 0.5, 1024), pod("big", 2, 2.0, 6144)), 4.0, 8.0, 110));
        assertEquals(0, NodePacking.nodes(List.of(pod("none", 0, 1.0, 1024)), 4.0, 16.0, 110));
    }

    @Test
    void theSidecarAloneTipsTheCountByOneNode() {
        // by CPU: 10 pods of 1 CPU on 4 CPU nodes take 4 a node, 3 nodes (4 + 4 + 2); with a 0.25 CPU sidecar a pod
        // asks 1.25, 4 / 1.25 = 3.2 -> 3 a node, 4 nodes (3 + 3 + 3 + 1)
        assertEquals(3, NodePacking.nodes(List.of(pod("api", 10, 1.0, 1024, 0, 0)), 4.0, 16.0, 110));
        assertEquals(4, NodePacking.nodes(List.of(pod("api", 10, 1.0, 1024, 0.25, 0)), 4.0, 16.0, 110));
        // by memory: 16 pods of 1 GiB on 8 GiB nodes take 8 a node, 2 nodes; with a 32 MiB sidecar a pod asks
        // 1,056 MiB, 8,192 / 1,056 = 7.8 -> 7 a node, 3 nodes (7 + 7 + 2)
        assertEquals(2, NodePacking.nodes(List.of(pod("api", 16, 0.1, 1024, 0, 0)), 8.0, 8.0, 110));
        assertEquals(3, NodePacking.nodes(List.of(pod("api", 16, 0.1, 1024, 0, 32)), 8.0, 8.0, 110));
    }

    @Test
    void podsAreOrderedByTheirWholeMemoryRequest() {
        // "a" asks 1,000 MiB for its app and nothing more; "b" 900 MiB and a 1,100 MiB sidecar: 2,000 MiB a pod. On
        // 2 CPU / 3,000 MiB nodes, b first: one b (2,000) then one a (1,000) fill a node, 2 nodes for 2 of each.
        // Ordered by the app's memory alone, a first: three a (3,000) would fill the first node, b the next two.
        double node = 3000 / 1024.0;
        assertEquals(2, NodePacking.nodes(List.of(pod("a", 2, 0.1, 1000, 0, 0), pod("b", 2, 0.1, 900, 0, 1100)),
                2.0, node, 110));
    }

    @Test
    void aPodIsTooLargeForANodeWhenItsSidecarTakesItOver() {
        // the app alone fills the node exactly; its sidecar's 0.025 CPU or 32 MiB more does not fit
        assertEquals(1, NodePacking.nodes(List.of(pod("api", 1, 4.0, 1024, 0, 0)), 4.0, 16.0, 110));
        assertEquals(-1, NodePacking.nodes(List.of(pod("api", 1, 4.0, 1024, 0.025, 0)), 4.0, 16.0, 110));
        assertEquals(1, NodePacking.nodes(List.of(pod("api", 1, 1.0, 16_384, 0, 0)), 4.0, 16.0, 110));
        assertEquals(-1, NodePacking.nodes(List.of(pod("api", 1, 1.0, 16_384, 0, 32)), 4.0, 16.0, 110));
    }

    @Test
    void aPodAsksForItsAppAndItsSidecarTogether() {
        PodPlan p = pod("api", 3, 0.5, 512, 0.025, 32);
        assertEquals(0.525, p.podCpu(), 1e-12);
        assertEquals(544, p.podMemoryMb());
    }

    @Test
    void aPodLargerThanANodeOrNoRoomAtAllIsRefused() {
        assertEquals(-1, NodePacking.nodes(List.of(pod("huge", 1, 8.0, 1024)), 4.0, 16.0, 110));
        assertEquals(-1, NodePacking.nodes(List.of(pod("huge", 1, 1.0, 32_768)), 4.0, 16.0, 110));
        assertEquals(-1, NodePacking.nodes(List.of(pod("api", 1, 1.0, 1024)), 4.0, 16.0, 0));
        assertEquals(-1, NodePacking.nodes(List.of(pod("api", 1, 1.0, 1024)), 0.0, 16.0, 110));
    }

    @Test
    void aPodAsLargeAsTheNodeTakesAWholeNode() {
        // 4 CPU / 16 GiB pods on 4 CPU / 16 GiB nodes: one each
        assertEquals(2, NodePacking.nodes(List.of(pod("whole", 2, 4.0, 16_384)), 4.0, 16.0, 110));
        // a pod over the node by no more than the 1e-9 rounding tolerance still takes a node
        assertEquals(2, NodePacking.nodes(List.of(pod("cpu", 2, 4.0 + 1e-9, 1024)), 4.0, 16.0, 110));
        // 1 GiB pods on nodes of 1 GiB less 1e-9: one per node (0.5 CPU each, so CPU would allow 8)
        assertEquals(3, NodePacking.nodes(List.of(pod("mem", 3, 0.5, 1024)), 4.0, 1.0 - 1e-9, 110));
    }

    @Test
    void aWorkloadWithNoReplicasNeedsNoRoomEvenWhenItsPodsAreLargerThanANode() {
        // 2 API pods of 1 CPU / 1 GiB share one 4 CPU node; the idle 8 CPU pod is never scheduled
        assertEquals(1, NodePacking.nodes(List.of(pod("idle", 0, 8.0, 1024), pod("api", 2, 1.0, 1024)), 4.0, 16.0, 110));
        assertEquals(1, NodePacking.nodes(List.of(pod("idle", 0, 1.0, 65_536), pod("api", 2, 1.0, 1024)), 4.0, 16.0, 110));
    }

    @Test
    void aNodeWithNothingAllocatableIsRefusedWhateverThePods() {
        assertEquals(-1, NodePacking.nodes(List.of(pod("none", 0, 1.0, 1024)), 0.0, 16.0, 110));
        assertEquals(-1, NodePacking.nodes(List.of(pod("none", 0, 1.0, 1024)), 4.0, 0.0, 110));
    }

    /**
     * Node after node: fill each one with the most memory-hungry pods first (app and sidecar together), as the
     * scheduler's first fit would; -1 when an empty node takes nothing.
     */
    private static int oneNodeAtATime(List<PodPlan> pods, double cpuPerNode, double memGib, int maxPods) {
        List<PodPlan> order = new ArrayList<>(pods);
        order.sort(Comparator.comparingInt((PodPlan p) -> p.memoryMb() + p.sidecarMemoryMb()).reversed());
        int[] left = order.stream().mapToInt(PodPlan::replicas).toArray();
        int nodes = 0;
        while (java.util.Arrays.stream(left).anyMatch(l -> l > 0)) {
            nodes++;
            double cpu = cpuPerNode;
            double mem = memGib;
            int slots = maxPods;
            int before = java.util.Arrays.stream(left).sum();
            for (int i = 0; i < order.size(); i++) {
                PodPlan p = order.get(i);
                double podCpu = p.cpuRequest() + p.sidecarCpu();
                double podMem = (p.memoryMb() + p.sidecarMemoryMb()) / 1024.0;
                while (left[i] > 0 && slots > 0 && podCpu <= cpu + 1e-9 && podMem <= mem + 1e-9) {
                    left[i]--;
                    slots--;
                    cpu -= podCpu;
                    mem -= podMem;
                }
            }
            if (java.util.Arrays.stream(left).sum() == before) {
                return -1; // an empty node took nothing: a pod is larger than a node
            }
        }
        return nodes;
    }

    @Test
    void agreesWithPlacingPodsOneNodeAtATime() {
        Random random = new Random(20261129);
        double[] cpus = {0.25, 0.5, 1.0, 1.5, 2.0};
        int[] mems = {256, 512, 1024, 2048, 3072};
        double[] sidecarCpus = {0, 0.025, 0.25};
        int[] sidecarMems = {0, 32, 512};
        for (int trial = 0; trial < 500; trial++) {
            List<PodPlan> pods = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                pods.add(pod("w" + k, random.nextInt(400), cpus[random.nextInt(cpus.length)], mems[random.nextInt(mems.length)],
                        sidecarCpus[random.nextInt(sidecarCpus.length)], sidecarMems[random.nextInt(sidecarMems.length)]));
            }
            double nodeCpu = 2 + random.nextInt(15);
            double nodeMem = 4 + random.nextInt(60);
            int maxPods = 8 + random.nextInt(110);
            assertEquals(oneNodeAtATime(pods, nodeCpu, nodeMem, maxPods), NodePacking.nodes(pods, nodeCpu, nodeMem, maxPods),
                    pods + " on " + nodeCpu + " CPU / " + nodeMem + " GiB / " + maxPods + " pods");
        }
    }
}
