package io.stagecraft.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many nodes a set of pods needs when the scheduler places them by their requests. Pods of one workload are
 * identical, so first-fit decreasing reduces to filling each node with the most memory-hungry pods first and topping
 * it up with the rest, node after node.
 */
final class NodePacking {
    private NodePacking() {
    }

    /**
     * @return nodes needed, or -1 when a single pod does not fit on an empty node
     */
    static int nodes(List<PodPlan> pods, double cpuPerNode, double memoryGibPerNode, int maxPodsPerNode) {
        if (cpuPerNode <= 0 || memoryGibPerNode <= 0) {
            return -1;
        }
        List<PodPlan> order = new ArrayList<>(pods);
        order.sort(Comparator.comparingInt(PodPlan::memoryMb).reversed());
        int[] left = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            PodPlan p = order.get(i);
            if (p.replicas() > 0 && (p.cpuRequest() > cpuPerNode + 1e-9 || p.memoryMb() / 1024.0 > memoryGibPerNode + 1e-9)) {
                return -1;
            }
            left[i] = p.replicas();
        }
        int nodes = 0;
        while (true) {
            boolean any = false;
            for (int l : left) {
                any |= l > 0;
            }
            if (!any) {
                return nodes;
            }
            nodes++;
            double cpu = cpuPerNode;
            double mem = memoryGibPerNode;
            int slots = maxPodsPerNode;
            for (int i = 0; i < order.size() && slots > 0; i++) {
                PodPlan p = order.get(i);
                if (left[i] == 0) {
                    continue;
                }
                int fit = (int) Math.min(slots, Math.min(Math.floor(cpu / p.cpuRequest() + 1e-9),
                        Math.floor(mem / (p.memoryMb() / 1024.0) + 1e-9)));
                int placed = Math.min(fit, left[i]);
                left[i] -= placed;
                cpu -= placed * p.cpuRequest();
                mem -= placed * p.memoryMb() / 1024.0;
                slots -= placed;
            }
        }
    }
}
