package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Machines with and without GPUs. */
class GcpMachineTest {

    @Test
    void aMachineTypeAloneHasNoGpu() {
        GcpMachine m = GcpMachine.of("e2-standard-4");
        assertEquals(new GcpMachine("e2-standard-4", null, 0), m);
        assertTrue(m.secureBoot());
        assertEquals("MIGRATE", m.onHostMaintenance());
    }

    @Test
    void gpuMachinesBootWithoutSecureBootAndStopForMaintenance() {
        GcpMachine m = new GcpMachine("g2-standard-8", "nvidia-l4", 1);
        assertFalse(m.secureBoot());
        assertEquals("TERMINATE", m.onHostMaintenance());
    }
}
