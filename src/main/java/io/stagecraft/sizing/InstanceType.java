package io.stagecraft.sizing;

/**
 * A VM type from the catalog.
 *
 * @param name          catalog name, unique per cloud (for GPU bundles it differs from the machine type)
 * @param machineType   what the cloud API is given
 * @param sustainedVcpu vCPUs the type can keep busy all the time (less than {@code vcpu} for shared-core E2)
 * @param perf          per-vCPU throughput relative to GCP N2, from the type's family
 */
public record InstanceType(
        Cloud cloud,
        String family,
        String name,
        String machineType,
        double vcpu,
        double memoryGib,
        double sustainedVcpu,
        int gpus,
        String gpuModel,
        double perf,
        String sourceId,
        RegionalPrice hourly) {

    /** Reference-vCPUs of work the type carries: sustained vCPUs scaled by family performance. */
    public double effectiveVcpu() {
        return sustainedVcpu * perf;
    }

    public double hourlyPrice(String region) {
        return hourly.in(region, name);
    }

    public double monthlyPrice(String region) {
        return hourlyPrice(region) * Pricing.HOURS_PER_MONTH;
    }

    /** A short shape for tables: "2 vCPU, 8 GiB" or with a GPU. */
    public String shape() {
        String base = Format.number(vcpu) + " vCPU, " + Format.number(memoryGib) + " GiB";
        return gpus > 0 ? base + ", " + gpus + "x " + gpuModel : base;
    }
}
