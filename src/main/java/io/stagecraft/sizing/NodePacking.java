package io.stagecraft.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many nodes a set of pods needs when the scheduler places them by their requests: a pod's total, the sidecar's
 * included. Pods of one workload are identical, so first-fit decreasing reduces to filling each node with the most
 * memory-hungry pods first and topping it up with the rest, node after node.
 */
final class NodePacking {
    private NodePacking() {
    }

    /**
     * @return nodes needed, or -1 when a pod does not fit on an empty node
     */
    static int nodes(List<PodPlan> pods, double cpuPerNode, double memoryGibPerNode, int maxPodsPerNode) {
        if (cpuPerNode <= 0 || memoryGibPerNode <= 0) {
            return -1;
        }
        List<PodPlan> order = new ArrayList<>(pods);
        order.sort(Comparator.comparingInt(PodPlan::podMemoryMb).reversed());
        int[] left = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            PodPlan p = order.get(i);
            if (p.replicas() > 0 && (p.podCpu() > cpuPerNode + 1e-9 || p.podMemoryMb() / 1024.0 > memoryGibPerNode + 1e-9)) {
                return -1;
            }
            left[i] = p.replicas();
        }
        int nodes = 0;
        int[] placed = new int[order.size()];
        while (true) {
            double cpu = cpuPerNode;
            double mem = memoryGibPerNode;
            int slots = maxPodsPerNode;
            for (int i = 0; i < order.size(); i++) {
                PodPlan p = order.get(i);
                placed[i] = 0;
                if (left[i] == 0 || slots == 0) {
                    continue;
                }
                int fit = (int) Math.min(slots, Math.min(Math.floor(cpu / p.podCpu() + 1e-9),
                        Math.floor(mem / (p.podMemoryMb() / 1024.0) + 1e-9)));
                placed[i] = Math.min(fit, left[i]);
                cpu -= placed[i] * p.podCpu();
                mem -= placed[i] * p.podMemoryMb() / 1024.0;
                slots -= placed[i];
            }
            // the next nodes fill the same way for as long as every pod placed here has as many left: take them at once
            int same = Integer.MAX_VALUE;
            for (int i = 0; i < order.size(); i++) {
                if (placed[i] > 0) {
                    same = Math.min(same, left[i] / placed[i]);
                }
            }
            if (same == Integer.MAX_VALUE) {
                return java.util.Arrays.stream(left).allMatch(l -> l == 0) ? nodes : -1; // -1: nothing fits an empty node
            }
            for (int i = 0; i < order.size(); i++) {
                left[i] -= same * placed[i];
            }
            nodes += same;
        }
    }
}
