package io.stagecraft.sizing;

/** A unit price for something that is not a VM, database or cache: disks, IPs, load balancer rules, storage. */
public record ServicePrice(Cloud cloud, String id, PriceUnit unit, String sourceId, RegionalPrice price) {

    /** Monthly cost of {@code quantity} units (GB for GB-month, items for hour and month). */
    public double monthly(String region, double quantity) {
        double unitPrice = price.in(region, id);
        return quantity * unitPrice * unit.hoursFactor();
    }
}
