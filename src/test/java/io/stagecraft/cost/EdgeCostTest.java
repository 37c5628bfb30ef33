package io.stagecraft.cost;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.edge.CloudflareEdge;
import io.stagecraft.components.edge.CloudflareLoadBalancing;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.engine.ResourceOptionsView;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.Edge;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the edge costs, worked out by hand from the catalog's Cloudflare prices (Pro plan 20 USD a month; load
 * balancing 5 with two origins included, 5 per further origin, 10 for geo steering), in the sizing plan and from the
 * graph, and that the two still agree.
 */
class EdgeCostTest {
    private static final String ZONE = "0123456789abcdef0123456789abcdef";
    private static final String ACCOUNT = "fedcba9876543210fedcba9876543210";

    private static double edge(CostBreakdown cost) {
        return cost.items().stream().filter(i -> i.category().equals("edge")).mapToDouble(LineItem::monthlyUsd).sum();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"stacks/single-vm-edge.yaml", "stacks/single-vm-aws-edge.yaml"})
    void aSingleVmBehindTheEdgeCostsThePlanMore(String stackFile) {
        OfflinePlanner.Result on = Plans.of(stackFile);
        OfflinePlanner.Result off = Plans.of(stackFile, Map.of("stagecraft:edge", "none"));
        List<LineItem> edgeLines = on.plan().cost().items().stream().filter(i -> i.category().equals("edge")).toList();
        assertEquals(List.of(new LineItem("edge", "Cloudflare Pro plan", "global", 1, "zone", 20.0)), edgeLines);
        assertEquals(20.00, on.plan().monthlyCost() - off.plan().monthlyCost(), 0.005);
        assertEquals(20.00, edge(on.graphCost()), 0.005, "the graph prices the zone's plan once");
        assertEquals(on.plan().monthlyCost(), on.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void theHorizontalStageAddsThePlanAndOneCloudArmorRule() {
        OfflinePlanner.Result on = Plans.of("stacks/horizontal-edge.yaml");
        OfflinePlanner.Result off = Plans.of("stacks/horizontal-edge.yaml", Map.of("stagecraft:edge", "none"));
        // 20.00 for the plan + 1.00 for a third Cloud Armor rule (two rate-limit rules for fifteen ranges, one deny)
        assertEquals(21.00, on.plan().monthlyCost() - off.plan().monthlyCost(), 0.005);
        assertEquals(21.00, on.graphCost().monthlyTotal() - off.graphCost().monthlyTotal(), 0.005);
        LineItem rules = on.graphCost().items().stream().filter(i -> i.item().endsWith("Cloud Armor rules")).findFirst()
                .orElseThrow();
        assertEquals(3, rules.quantity());
        assertEquals(3.00, rules.monthlyUsd(), 0.005);
        assertEquals(on.plan().monthlyCost(), on.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void theEnterprisePlanPricesLoadBalancingAcrossTwoRegions() {
        Workload w = Workload.of(25_000, Cloud.GCP, "us-central1").withRegions(List.of("us-central1", "europe-west1"))
                .withAvailability(99.95);
        SizingCalculator calc = SizingCalculator.defaults();
        SizingPlan on = calc.plan(w.withEdge(Edge.CLOUDFLARE));
        SizingPlan off = calc.plan(w);
        assertEquals(Stage.ENTERPRISE, on.stage());
        // two pools of one origin each fit the two origins the subscription includes
        assertEquals(List.of(
                new LineItem("edge", "Cloudflare Pro plan", "global", 1, "zone", 20.0),
                new LineItem("edge", "Cloudflare Load Balancing (2 origins included)", "global", 1, "subscription", 5.0),
                new LineItem("edge", "Cloudflare Load Balancing geo steering", "global", 1, "add-on", 10.0)),
                on.cost().items().stream().filter(i -> i.category().equals("edge")).toList());
        // and on GCP the Cloud Armor rule that admits only Cloudflare's ranges, $1 a month
        assertEquals(List.of(new LineItem("network", "Cloud Armor rule admitting the edge's ranges", "us-central1", 1,
                "rule", 1.0)), on.cost().items().stream().filter(i -> !off.cost().items().contains(i)
                && !i.category().equals("edge")).toList());
        assertEquals(36.00, on.monthlyCost() - off.monthlyCost(), 0.005);
    }

    @Test
    void theGraphPricesLoadBalancingAcrossThreeRegions() {
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "prod"), Map.of(), ctx ->
                new CloudflareEdge("edge", new CloudflareEdge.Args(ZONE, Output.ofSecret("t"), List.of("app.example.com"),
                        EdgeOrigin.regional(List.of()), new CloudflareLoadBalancing.Args(ZONE, ACCOUNT, "shop",
                        List.of("app.example.com"), List.of(
                        new CloudflareLoadBalancing.RegionalOrigin("us-central1", Output.of("198.51.100.1")),
                        new CloudflareLoadBalancing.RegionalOrigin("europe-west1", Output.of("198.51.100.2")),
                        new CloudflareLoadBalancing.RegionalOrigin("us-east1", Output.of("198.51.100.3"))), "/health")),
                        ComponentResourceOptions.builder().build()));
        assertEquals(List.of(), run.errors());
        GraphCost graphCost = GraphCost.defaults(SizingCalculator.defaults().prices());
        assertEquals(Set.of(), graphCost.unknownTypes(run.graph()));
        CostBreakdown cost = graphCost.estimate(run.graph(), "us-central1", RateCard.Usage.NONE);
        // 20 plan + 5 subscription + 5 for the third origin + 10 geo steering
        assertEquals(List.of(
                new LineItem("edge", "Cloudflare Pro plan", "global", 1, "zone", 20.0),
                new LineItem("edge", "Cloudflare Load Balancing (2 origins included)", "global", 1, "subscription", 5.0),
                new LineItem("edge", "Cloudflare Load Balancing origins beyond the 2 included", "global", 1, "origin", 5.0),
                new LineItem("edge", "Cloudflare Load Balancing geo steering", "global", 1, "add-on", 10.0)),
                cost.items());
        assertEquals(40.00, cost.monthlyTotal(), 0.005);
    }

    @Test
    void eachZoneIsBilledItsPlanOnce() {
        ResourceGraph g = new ResourceGraph(List.of(
                node("cloudflare:index/dnsRecord:DnsRecord", "a", ZONE),
                node("cloudflare:index/dnsRecord:DnsRecord", "b", ZONE),
                node("cloudflare:index/zoneSetting:ZoneSetting", "c", ZONE),
                node("cloudflare:index/ruleset:Ruleset", "d", "00000000000000000000000000000001")));
        CostBreakdown cost = GraphCost.defaults(SizingCalculator.defaults().prices()).estimate(g, "us-central1",
                RateCard.Usage.NONE);
        assertEquals(2, cost.items().size());
        assertEquals(40.00, cost.monthlyTotal(), 0.005);
    }

    private static ResourceNode node(String type, String name, String zone) {
        return new ResourceNode("urn:pulumi:dev::stagecraft::" + type + "::" + name, type, name, null, true,
                Map.of("zoneId", zone), Map.of(), new ResourceOptionsView(false, List.of(), List.of(), List.of(), List.of(),
                false, false, null, null));
    }

    @ParameterizedTest(name = "{0} users on {1} at {2}%")
    @CsvSource({"1,gcp,99.5", "300,gcp,99.5", "1500,gcp,99.5", "300,aws,99.5", "1800,aws,99.5", "3000,gcp,99.9",
            "9000,gcp,99.95"})
    void theGraphCostStillEqualsThePlanCostBehindTheEdge(int users, String cloud, double availability) {
        Map<String, String> m = new HashMap<>();
        m.put("gcp:project", "demo-project");
        m.put("stagecraft:cloud", cloud);
        m.put("stagecraft:region", cloud.equals("gcp") ? "us-central1" : "us-east-1");
        m.put("stagecraft:users", String.valueOf(users));
        m.put("stagecraft:availability", String.valueOf(availability));
        m.put("stagecraft:domains", "app.example.com");
        m.put("stagecraft:edge", "cloudflare");
        m.put("stagecraft:cloudflareZoneId", ZONE);
        m.put("stagecraft:dbPassword", "x");
        m.put("cloudflare:apiToken", "t");
        OfflinePlanner.Result r = OfflinePlanner.defaults().plan(new MapConfigSource(m,
                Set.of("stagecraft:dbPassword", "cloudflare:apiToken"), "test"));
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
        assertEquals(20.00, edge(r.plan().cost()), 0.005);
        assertEquals(20.00, edge(r.graphCost()), 0.005);
    }
}
