package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Node pool names: role and machine type, at most GKE's 40 characters. */
class GkeNodePoolTest {

    @Test
    void fortyCharactersAreAccepted() {
        String machine = "n2-" + "x".repeat(29); // 32 characters, "general-" makes 40
        assertEquals("general-" + machine, GkeNodePool.poolName("general", GcpMachine.of(machine)));
    }

    @Test
    void fortyOneAreRefused() {
        String machine = "n2-" + "x".repeat(30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GkeNodePool.poolName("general", GcpMachine.of(machine)));
        assertEquals("node pool name 'general-n2-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' is longer than GKE's 40 characters",
                e.getMessage());
    }
}
