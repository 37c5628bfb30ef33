package io.stagecraft.sizing;

/**
 * A family of VM types. {@code perf} is the per-vCPU throughput relative to GCP N2, the family the
 * request-rate coefficients were anchored on.
 */
public record InstanceFamily(Cloud cloud, String name, String instanceClass, double perf, String note) {
}
