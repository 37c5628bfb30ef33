package io.stagecraft.sizing;

/**
 * One line of a monthly cost estimate.
 *
 * @param category compute, database, cache, storage, network, platform or edge
 * @param item     what is paid for, e.g. "api pool n2-highcpu-2"
 * @param quantity how many units (instances, GB, rules)
 * @param unit     the unit of {@code quantity}
 */
public record LineItem(String category, String item, String region, double quantity, String unit, double monthlyUsd) {
}
