package io.stagecraft.engine;

import io.stagecraft.planning.OfflinePlanner;
import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.config.MapConfigSource;
import io.stagecraft.sizing.Stage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cost comes from the graph (what will really be deployed), not from the sizing plan's intentions; across loads,
 * clouds, availability targets and GPU work, the two agree line by line in total.
 */
class CostAgreementTest {

    @ParameterizedTest(name = "{0} users on {1} at {2}%, gpu={3}")
    @CsvSource({
            "1,gcp,99.5,false", "450,gcp,99.5,false", "1999,gcp,99.5,false", "300,gcp,99.5,true",
            "1,aws,99.5,false", "800,aws,99.5,false", "1900,aws,99.5,false", "300,aws,99.5,true",
            "2001,gcp,99.5,false", "3000,gcp,99.9,false", "7000,gcp,99.95,false", "10000,gcp,99.9,false",
            "300,gcp,99.9,false", "6000,gcp,99.9,true",
            "2500,aws,99.5,false", "3000,aws,99.9,false", "7000,aws,99.95,false", "10000,aws,99.9,false",
            "6000,aws,99.9,true"})
    void graphCostEqualsPlanCost(int users, String cloud, double availability, boolean gpu) {
        Map<String, String> m = new HashMap<>();
        m.put("gcp:project", "demo-project");
        m.put("stagecraft:cloud", cloud);
        m.put("stagecraft:region", cloud.equals("gcp") ? "us-central1" : "us-east-1");
        m.put("stagecraft:users", String.valueOf(users));
        m.put("stagecraft:availability", String.valueOf(availability));
        m.put("stagecraft:gpu", String.valueOf(gpu));
        m.put("stagecraft:domains", "app.example.com");
        m.put("stagecraft:dbPassword", "x");
        OfflinePlanner.Result r = OfflinePlanner.defaults().plan(new MapConfigSource(m, Set.of("stagecraft:dbPassword"), "test"));
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
        assertEquals(r.plan().cost().items().size() > 0, true);
        if (gpu) {
            boolean pools = r.plan().stage() == Stage.HORIZONTAL;
            String type = cloud.equals("gcp")
                    ? (pools ? "gcp:compute/instanceTemplate:InstanceTemplate" : "gcp:compute/instance:Instance")
                    : (pools ? "aws:ec2/launchTemplate:LaunchTemplate" : "aws:ec2/instance:Instance");
            boolean hasGpu = r.run().graph().ofType(type).stream().anyMatch(n -> cloud.equals("aws")
                    ? n.string("instanceType").startsWith("g4dn.")
                    : n.input("guestAccelerators.0.type").map("nvidia-tesla-t4"::equals).orElse(false));
            assertTrue(hasGpu, "a GPU machine is provisioned");
        }
    }

    /** The enterprise stage (GCP, behind its required Cloudflare edge) across regions, loads, shard counts and GPU work. */
    @ParameterizedTest(name = "enterprise: {0} users in {1} at {2}%, {3} queries per request, gpu={4}")
    @CsvSource({
            "25000,us-central1,99.95,2,false", "25000,us-central1;europe-west1,99.95,2,false",
            "60000,us-central1;europe-west1;us-east1,99.99,2,false", "25000,us-central1;europe-west1,99.95,32,false",
            "25000,europe-west1;us-east1,99.95,2,true", "120000,us-central1;europe-west1;us-east1,99.99,8,true"})
    void enterpriseGraphCostEqualsPlanCost(int users, String regions, double availability, int queries, boolean gpu) {
        Map<String, String> m = new HashMap<>();
        m.put("gcp:project", "demo-project");
        m.put("stagecraft:cloud", "gcp");
        m.put("stagecraft:regions", regions.replace(';', ','));
        m.put("stagecraft:users", String.valueOf(users));
        m.put("stagecraft:availability", String.valueOf(availability));
        m.put("stagecraft:dbQueriesPerRequest", String.valueOf(queries));
        m.put("stagecraft:gpu", String.valueOf(gpu));
        m.put("stagecraft:stage", "enterprise");
        m.put("stagecraft:domains", "app.example.com");
        m.put("stagecraft:dbPassword", "x");
        m.put("stagecraft:edge", "cloudflare");
        m.put("stagecraft:cloudflareZoneId", "0123456789abcdef0123456789abcdef");
        m.put("stagecraft:cloudflareAccountId", "fedcba9876543210fedcba9876543210");
        m.put("cloudflare:apiToken", "token");
        m.put("stagecraft:appImage", "ghcr.io/acme/app:1.4.2");
        m.put("stagecraft:appPort", "8080");
        m.put("stagecraft:kubernetesApiRanges", "203.0.113.0/24");
        OfflinePlanner.Result r = OfflinePlanner.defaults().plan(new MapConfigSource(m,
                Set.of("stagecraft:dbPassword", "cloudflare:apiToken"), "test"));
        assertEquals(Stage.ENTERPRISE, r.plan().stage());
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
        assertEquals(Set.of(), io.stagecraft.cost.GraphCost.defaults(OfflinePlanner.defaults().front().calculator().prices())
                .unknownTypes(r.run().graph()), "every type has a cost decision");
    }
}
