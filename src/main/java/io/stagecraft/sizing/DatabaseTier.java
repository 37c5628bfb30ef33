package io.stagecraft.sizing;

/**
 * A managed Postgres instance tier (Cloud SQL or RDS). The hourly price is for one single-zone instance;
 * a highly available primary costs {@code haFactor} times that.
 *
 * @param sustainedVcpu vCPUs the tier can keep busy all the time: all of them, except burstable tiers (db.t3), which
 *                      earn credits at a baseline share of each vCPU
 */
public record DatabaseTier(
        Cloud cloud,
        String engine,
        String name,
        double vcpu,
        double memoryGib,
        boolean sharedCore,
        double sustainedVcpu,
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
