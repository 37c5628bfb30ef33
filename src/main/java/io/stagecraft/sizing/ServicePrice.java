package io.stagecraft.sizing;

/**
 * A unit price for something that is not a VM, database or cache: disks, IPs, load balancer rules, storage.
 *
 * @param apiName what the cloud API calls it where that differs from the id (EBS volume type "gp3" for "ebs-gp3")
 */
public record ServicePrice(Cloud cloud, String id, String apiName, PriceUnit unit, String sourceId, RegionalPrice price) {

    /** Monthly cost of {@code quantity} units (GB for GB-month, items for hour and month). */
    public double monthly(String region, double quantity) {
        double unitPrice = price.in(region, id);
        return quantity * unitPrice * unit.hoursFactor();
    }
}
