package io.stagecraft.cost;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PriceBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The monthly cost of what a program will really deploy, read off its resource graph: each resource is priced by
 * the rate card of its provider, from the catalog's published prices. Usage-based lines (snapshot storage, the media a
 * bucket holds) take the plan's usage estimate, as a usage file does for cost tools.
 */
public final class GraphCost {
    private final PriceBook prices;
    private final List<RateCard> cards;

    public GraphCost(PriceBook prices, List<RateCard> cards) {
        this.prices = prices;
        this.cards = List.copyOf(cards);
    }

    /** The rate cards of every provider the stacks use. */
    public static GraphCost defaults(PriceBook prices) {
        return new GraphCost(prices, List.of(new GcpRateCard(), new AwsRateCard(), new CloudflareRateCard(),
                new KubernetesRateCard()));
    }

    /**
     * @param defaultRegion region of resources whose inputs name none (the provider's region)
     */
    public CostBreakdown estimate(ResourceGraph graph, String defaultRegion, RateCard.Usage usage) {
        RateCard.Context context = new RateCard.Context(graph, prices, defaultRegion, usage);
        List<LineItem> items = new ArrayList<>();
        for (ResourceNode n : graph.customResources()) {
            for (RateCard card : cards) {
                if (card.billedTypes().contains(n.type())) {
                    items.addAll(card.price(n, context));
                }
            }
        }
        for (RateCard card : cards) {
            items.addAll(card.priceTogether(context));
        }
        return new CostBreakdown(items);
    }

    /** Types in the graph that no rate card knows, as billed or as free: each needs a cost decision. */
    public Set<String> unknownTypes(ResourceGraph graph) {
        Set<String> out = new TreeSet<>();
        for (ResourceNode n : graph.customResources()) {
            if (cards.stream().noneMatch(c -> c.billedTypes().contains(n.type()) || c.freeTypes().contains(n.type()))) {
                out.add(n.type());
            }
        }
        return out;
    }
}
