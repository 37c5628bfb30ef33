package io.stagecraft.cost;

import io.stagecraft.engine.ResourceNode;
import io.stagecraft.providers.cloudflare.CloudflareProvider;
import io.stagecraft.providers.cloudflare.DnsRecord;
import io.stagecraft.providers.cloudflare.LoadBalancer;
import io.stagecraft.providers.cloudflare.LoadBalancerMonitor;
import io.stagecraft.providers.cloudflare.LoadBalancerPool;
import io.stagecraft.providers.cloudflare.Ruleset;
import io.stagecraft.providers.cloudflare.ZoneSetting;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PriceBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cloudflare, the edge: no resource costs anything by itself; Cloudflare bills the zone's plan and, per account, load
 * balancing. So the card prices the graph as a whole: one plan for each zone the graph configures (any zone-scoped
 * record, setting, ruleset or load balancer), and for each account with load-balancer pools the subscription, the
 * pools' origins beyond those it includes, and geo steering when a load balancer steers by region.
 */
public final class CloudflareRateCard implements RateCard {
    private static final Set<String> ZONE_SCOPED = Set.of(DnsRecord.TYPE, ZoneSetting.TYPE, Ruleset.TYPE, LoadBalancer.TYPE);

    @Override
    public Set<String> billedTypes() {
        return Set.of(LoadBalancer.TYPE, LoadBalancerPool.TYPE);
    }

    @Override
    public Set<String> freeTypes() {
        // a zone's records, settings and rules are covered by its plan (billed below, once per zone)
        return Set.of(DnsRecord.TYPE, ZoneSetting.TYPE, Ruleset.TYPE, LoadBalancerMonitor.TYPE, CloudflareProvider.TYPE);
    }

    @Override
    public List<LineItem> price(ResourceNode node, Context context) {
        return List.of(); // billed together, per zone and per account
    }

    @Override
    public List<LineItem> priceTogether(Context context) {
        PriceBook prices = context.prices();
        Set<String> zones = new TreeSet<>();
        Map<String, Integer> originsByAccount = new TreeMap<>();
        boolean geo = false;
        for (ResourceNode n : context.graph().customResources()) {
            if (ZONE_SCOPED.contains(n.type())) {
                n.input("zoneId").ifPresent(z -> zones.add(z.toString()));
            }
            if (n.type().equals(LoadBalancerPool.TYPE)) {
                int origins = n.input("origins").filter(List.class::isInstance).map(l -> ((List<?>) l).size()).orElse(0);
                originsByAccount.merge(n.string("accountId"), origins, Integer::sum);
            }
            if (n.type().equals(LoadBalancer.TYPE) && "geo".equals(n.input("steeringPolicy").orElse(null))) {
                geo = true;
            }
        }
        List<LineItem> items = new ArrayList<>();
        zones.forEach(z -> items.add(prices.edgePlan()));
        for (int origins : originsByAccount.values()) {
            items.addAll(prices.edgeLoadBalancing(origins, geo));
        }
        return items;
    }
}
