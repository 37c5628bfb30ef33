package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cluster names GKE accepts, and what a cluster hands to the rest of the stack: its id, pools and kubeconfig. */
class GkeClusterTest {
    private static final AtomicReference<String> KUBECONFIG = new AtomicReference<>();
    private OfflineEngine.Run run;
    private int poolCount;

    @BeforeEach
    void aClusterWithTwoPools() {
        run = ComponentRun.of(ctx -> {
            GkeCluster cluster = new GkeCluster("gke", new GkeCluster.Args(ComponentRun.PROJECT, "us-central1",
                    "stagecraft-shop", Output.of("projects/p/global/networks/vpc"),
                    Output.of("projects/p/regions/us-central1/subnetworks/subnet"), "172.16.0.0/28",
                    List.of("198.51.100.0/24"), Output.of("sc-shop-nodes@offline-project.iam.gserviceaccount.com"),
                    List.of(new GkeCluster.PoolSpec("general", GcpMachine.of("n2-standard-8"), 3, 3, 9),
                            new GkeCluster.PoolSpec("gpu", new GcpMachine("g2-standard-8", "nvidia-l4", 1), 1, 0, 2)),
                    100, "pd-balanced", false, Map.of()), ComponentRun.topLevel());
            poolCount = cluster.pools().size();
            ctx.export("clusterId", cluster.id());
            ctx.export("poolNames", Output.all(cluster.pools().stream().map(GkeNodePool::name).toList()));
            ctx.export("kubeconfigLength", cluster.kubeconfig().applyValue(k -> {
                KUBECONFIG.set(k);
                return k.length();
            }));
        });
    }

    @Test
    void aNameOfFortyCharactersIsKeptWhole() {
        assertEquals("stagecraft-abcdefghij-abcdefghij-abcdefg", GkeCluster.clusterName("abcdefghij-abcdefghij-abcdefg"));
    }

    @Test
    void aLongerNameIsCutAndEndsWithADigestOfTheStack() {
        assertEquals("stagecraft-customer-portal-prod-5ff2b8b8",
                GkeCluster.clusterName("customer-portal-production-europe-west"));
    }

    @Test
    void theIdIsTheClusters() {
        assertEquals("projects/offline-project/locations/us-central1/clusters/stagecraft-shop",
                run.outputs().get("clusterId"));
    }

    @Test
    void everyPlannedPoolIsListedWithItsName() {
        assertEquals(2, poolCount);
        assertEquals(List.of("general-n2-standard-8", "gpu-g2-standard-8"), run.outputs().get("poolNames"));
    }

    @Test
    void theKubeconfigReachesTheClustersEndpointWithItsCa() {
        ResourceNode cluster = run.graph().one("gcp:container/cluster:Cluster");
        String endpoint = (String) cluster.outputs().get("endpoint");
        @SuppressWarnings("unchecked")
        String ca = ((Map<String, String>) cluster.outputs().get("masterAuth")).get("clusterCaCertificate");
        String kubeconfig = KUBECONFIG.get();
        assertNotNull(kubeconfig);
        assertTrue(kubeconfig.contains("current-context: gke_offline-project_us-central1_stagecraft-shop\n"), kubeconfig);
        assertTrue(kubeconfig.contains("    server: https://" + endpoint + "\n"), kubeconfig);
        assertTrue(kubeconfig.contains("    certificate-authority-data: " + ca + "\n"), kubeconfig);
        assertTrue(endpoint.startsWith("198.51.100."), endpoint);
        assertFalse(ca.isEmpty());
    }
}
