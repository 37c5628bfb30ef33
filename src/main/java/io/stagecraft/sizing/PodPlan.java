package io.stagecraft.sizing;

/** A Kubernetes workload in one region: replicas at peak and the horizontal pod autoscaler's bounds. */
public record PodPlan(String name, String region, int replicas, int min, int max, double cpuRequest, int memoryMb) {
}
