package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What a node keeps for itself, from GKE's and EKS's published formulas, worked out by hand (eviction: 100 MiB). */
class KubeReserveTest {
    private static final KubeReserve GKE = KubeReserve.of("gke");
    private static final KubeReserve EKS = KubeReserve.of("eks");

    @Test
    void gkeMemoryBelowOneGibIsAFlatReservation() {
        // 255 MiB + 100 MiB = 355 / 1,024
        assertEquals(0.3466796875, GKE.memoryGib(0.5), 1e-12);
    }

    @Test
    void gkeMemoryFromOneGibFollowsTheBands() {
        // 1 GiB is in the first band: 1 x 25% = 0.25 GiB (not the flat 255 MiB) + 100 MiB = 0.34765625
        assertEquals(0.34765625, GKE.memoryGib(1), 1e-12);
        // 16 GiB: 4 x 25% + 4 x 20% + 8 x 10% = 2.6 GiB + 100 MiB = 2.69765625
        assertEquals(2.69765625, GKE.memoryGib(16), 1e-12);
        // 200 GiB: 2.6 + 112 x 6% = 9.32, + 72 x 2% = 10.76 GiB + 100 MiB = 10.85765625
        assertEquals(10.85765625, GKE.memoryGib(200), 1e-12);
    }

    @Test
    void eksMemoryDependsOnThePodLimitOnly() {
        // 255 MiB + 11 MiB x 110 pods = 1,465 MiB + 100 MiB = 1,565 / 1,024, on a small node and a large one alike
        assertEquals(1.5283203125, EKS.memoryGib(4), 1e-12);
        assertEquals(1.5283203125, EKS.memoryGib(128), 1e-12);
    }

    @Test
    void cpuFollowsTheBandsOnBothClouds() {
        // half a core: 0.5 x 6%; one core: 6%; 16 cores: 6% + 1% + 2 x 0.5% + 12 x 0.25% = 0.11
        assertEquals(0.03, GKE.cpu(0.5), 1e-12);
        assertEquals(0.06, GKE.cpu(1), 1e-12);
        assertEquals(0.11, GKE.cpu(16), 1e-12);
        assertEquals(0.11, EKS.cpu(16), 1e-12);
    }

    @Test
    void anUnknownFormulaIsACatalogError() {
        CatalogException e = assertThrows(CatalogException.class, () -> KubeReserve.of("aks"));
        assertEquals("catalog: kubernetesReserve 'aks' is not gke or eks", e.getMessage());
    }
}
