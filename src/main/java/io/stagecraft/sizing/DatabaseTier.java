package io.stagecraft.sizing;

/**
 * A managed Postgres instance tier (Cloud SQL or RDS). The hourly price is for one single-zone instance;
 * a highly available primary costs {@code haFactor} times that.
 */
public record DatabaseTier(
        Cloud cloud,
        String engine,
        String name,
        double vcpu,
        double memoryGib,
        boolean sharedCore,
        double haFactor,
        String sourceId,
        RegionalPrice hourly) {

    public double hourlyPrice(String region) {
        return hourly.in(region, name);
    }

    public String shape() {
        return Format.number(vcpu) + " vCPU, " + Format.number(memoryGib) + " GiB";
    }
}
