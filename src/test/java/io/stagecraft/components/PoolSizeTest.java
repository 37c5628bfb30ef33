package io.stagecraft.components;

import static io.stagecraft.components.ArgsLimits.refused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class PoolSizeTest {

    @Test
    void aPoolHoldsOneToCountToMax() {
        assertDoesNotThrow(() -> PoolSize.check("http", 1, 1, 1));
        assertDoesNotThrow(() -> PoolSize.check("http", 3, 2, 5));
        assertDoesNotThrow(() -> PoolSize.check("http", 5, 5, 5));
        refused("http pool: need 1 <= min <= count <= max, got 0/1/1", () -> PoolSize.check("http", 1, 0, 1));
        refused("api pool: need 1 <= min <= count <= max, got 2/1/3", () -> PoolSize.check("api", 1, 2, 3));
        refused("http pool: need 1 <= min <= count <= max, got 1/4/3", () -> PoolSize.check("http", 4, 1, 3));
    }
}
