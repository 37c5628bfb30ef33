package io.stagecraft.sizing;

/**
 * A monthly fee of the edge provider: a plan, a load-balancing subscription, an add-on. The edge bills per zone or
 * per account, not per cloud region, so each fee is one price.
 *
 * @param name     what the fee is called on the provider's price list, e.g. "Cloudflare Pro plan"
 * @param included units a related fee already covers, billed only beyond that (e.g. the origins a load-balancing
 *                 subscription includes); 0 when nothing is included
 */
public record EdgePrice(String id, String name, String sourceId, double monthlyUsd, int included) {
}
