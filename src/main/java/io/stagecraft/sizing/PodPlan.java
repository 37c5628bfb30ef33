package io.stagecraft.sizing;

/** A Kubernetes workload in one region: replicas at peak and the horizontal pod autoscaler's bounds. */
public record PodPlan(String name, String region, int replicas, int min, int max, double cpuRequest, int memoryMb) {
    /** The workloads the enterprise plan sizes: the HTTP API, the websocket servers, the queue's background workers. */
    public static final String API = "api";
    public static final String WEBSOCKET = "websocket";
    public static final String WORKER = "worker";
}
