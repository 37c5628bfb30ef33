package io.stagecraft.sizing;

/**
 * A Kubernetes workload in one region: replicas at peak, the horizontal pod autoscaler's bounds, the app container's
 * requests and those of the Cloud SQL Auth Proxy sidecar running beside it in every pod. The scheduler reserves a pod's
 * total ({@link #podCpu()}, {@link #podMemoryMb()}) on its node.
 */
public record PodPlan(String name, String region, int replicas, int min, int max, double cpuRequest, int memoryMb,
                      double sidecarCpu, int sidecarMemoryMb) {
    /** The workloads the enterprise plan sizes: the HTTP API, the websocket servers, the queue's background workers. */
    public static final String API = "api";
    public static final String WEBSOCKET = "websocket";
    public static final String WORKER = "worker";

    /** vCPU one pod requests: the app container's and the sidecar's. */
    public double podCpu() {
        return cpuRequest + sidecarCpu;
    }

    /** MiB one pod requests: the app container's and the sidecar's. */
    public int podMemoryMb() {
        return memoryMb + sidecarMemoryMb;
    }
}
