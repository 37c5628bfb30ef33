package io.stagecraft.sizing;

/**
 * What a Kubernetes node keeps for itself before pods may be scheduled: the kubelet and system reservation, the
 * eviction threshold, and the system DaemonSets. The reservation follows the managed services' published formulas
 * (catalog profile field {@code kubernetesReserve}):
 * <ul>
 *   <li>CPU, GKE and EKS alike: 6% of the first core, 1% of the second, 0.5% of the next two, 0.25% above four;</li>
 *   <li>memory, GKE: 255 MiB below 1 GiB, else 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the
 *       next 112 and 2% above 128 GiB (GKE "Plan node sizes", and the cluster autoscaler's gce/reserved.go);</li>
 *   <li>memory, EKS: 255 MiB + 11 MiB per pod the node may run, taken as 110 (amazon-eks-ami kubelet config);</li>
 *   <li>both: a 100 MiB hard eviction threshold.</li>
 * </ul>
 */
record KubeReserve(String formula) {
    static final double EVICTION_GIB = 100.0 / 1024;
    static final int MAX_PODS_PER_NODE = 110;

    static KubeReserve of(String formula) {
        if (!formula.equals("gke") && !formula.equals("eks")) {
            throw new CatalogException("catalog: kubernetesReserve '" + formula + "' is not gke or eks");
        }
        return new KubeReserve(formula);
    }

    double cpu(double vcpu) {
        return tiered(vcpu, new double[] {1, 1, 2}, new double[] {0.06, 0.01, 0.005}, 0.0025);
    }

    double memoryGib(double memoryGib) {
        if (formula.equals("eks")) {
            return (255 + 11.0 * MAX_PODS_PER_NODE) / 1024 + EVICTION_GIB;
        }
        if (memoryGib < 1) {
            return 255.0 / 1024 + EVICTION_GIB;
        }
        return tiered(memoryGib, new double[] {4, 4, 8, 112}, new double[] {0.25, 0.20, 0.10, 0.06}, 0.02) + EVICTION_GIB;
    }

    /** A share of each band of the amount: {@code widths[i]} at {@code shares[i]}, the rest at {@code above}. */
    private static double tiered(double amount, double[] widths, double[] shares, double above) {
        double reserved = 0;
        double left = amount;
        for (int i = 0; i < widths.length && left > 0; i++) {
            double band = Math.min(left, widths[i]);
            reserved += band * shares[i];
            left -= band;
        }
        return reserved + Math.max(0, left) * above;
    }
}
