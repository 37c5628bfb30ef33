package io.stagecraft.cost;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PriceBook;
import java.util.List;
import java.util.Set;

/**
 * How one provider's resources are billed: per resource type, the line items a planned resource costs, read from its
 * inputs and priced from the catalog. Every type a stack creates must be known to a card, as billed or as free, so a
 * new resource type cannot slip into a plan without a cost decision.
 */
public interface RateCard {

    /** What a card needs besides the resource: the whole graph, the prices, where unlocated resources live, usage. */
    record Context(ResourceGraph graph, PriceBook prices, String defaultRegion, Usage usage) {
    }

    /** What the graph alone cannot know: how much data lives in buckets. */
    record Usage(double mediaGb) {
        public static final Usage NONE = new Usage(0);
    }

    /** Types this card bills. */
    Set<String> billedTypes();

    /** Types that cost nothing by themselves (networks, IAM bindings, policies): known, and deliberately free. */
    Set<String> freeTypes();

    /** The lines one billed resource costs. */
    List<LineItem> price(ResourceNode node, Context context);

    /** Lines billed for a group of resources rather than each (e.g. forwarding rules billed in blocks). */
    default List<LineItem> priceTogether(Context context) {
        return List.of();
    }
}
