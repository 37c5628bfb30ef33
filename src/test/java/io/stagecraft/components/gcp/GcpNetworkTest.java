package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a network hands to the resources placed in it: self links and the private services peering. */
class GcpNetworkTest {
    private OfflineEngine.Run run;
    private boolean plainHasPrivateServices;

    @BeforeEach
    void aPrivateNetworkAndAPlainOne() {
        run = ComponentRun.of(ctx -> {
            GcpNetwork net = new GcpNetwork("net", GcpNetworkArgs.privateIn("europe-west1"), ComponentRun.topLevel());
            GcpNetwork plain = new GcpNetwork("plain", GcpNetworkArgs.in("us-east1"), ComponentRun.topLevel());
            ctx.export("networkSelfLink", net.networkSelfLink());
            ctx.export("subnetSelfLink", net.subnetSelfLink());
            ctx.export("privateServicesUrn", net.privateServices().orElseThrow().urn());
            plainHasPrivateServices = plain.privateServices().isPresent();
        });
    }

    @Test
    void selfLinksAreTheVpcsAndTheSubnets() {
        Object vpc = run.graph().one("gcp:compute/network:Network", "net-vpc").outputs().get("selfLink");
        Object subnet = run.graph().one("gcp:compute/subnetwork:Subnetwork", "net-subnet").outputs().get("selfLink");
        assertTrue(String.valueOf(vpc).startsWith(
                "https://www.googleapis.com/compute/v1/projects/offline-project/global/networks/net-vpc-"), vpc.toString());
        assertTrue(String.valueOf(subnet).startsWith(
                "https://www.googleapis.com/compute/v1/projects/offline-project/regions/europe-west1/subnetworks/net-subnet-"),
                subnet.toString());
        assertEquals(vpc, run.outputs().get("networkSelfLink"));
        assertEquals(subnet, run.outputs().get("subnetSelfLink"));
    }

    @Test
    void privateServicesIsThePeeringOnlyWhenAsked() {
        assertEquals(run.graph().one("gcp:servicenetworking/connection:Connection", "net-services").urn(),
                run.outputs().get("privateServicesUrn"));
        assertFalse(plainHasPrivateServices);
    }

    @Test
    void aSingleRegionNetworksRegionIsItsSubnets() {
        assertEquals("europe-west1", GcpNetworkArgs.in("europe-west1").region());
        assertEquals("asia-east1", new GcpNetworkArgs(List.of(new GcpNetworkArgs.Subnet("asia-east1", null, Map.of()),
                new GcpNetworkArgs.Subnet("us-west1", "10.20.0.0/20", Map.of())), true, true, true, Optional.empty())
                .region());
    }
}
