package io.stagecraft.components;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Auth Proxy puts the primary on 5432 and replica i on 5432 + i (counting from 1); the app reads them there. */
class PoolStartupScriptPortsTest {
    private static PoolStartupScript withReplicas(List<String> replicas) {
        return new PoolStartupScript("http", "app:1", 8000, "p:r:primary", replicas, "db-secret", "10.0.0.3", 6378,
                "redis-secret", "PEM", "media", false);
    }

    @Test
    void eachReplicaHasItsOwnPortAfterThePrimarys() {
        PoolStartupScript s = withReplicas(List.of("p:r:replica-a", "p:r:replica-b"));
        assertEquals(List.of("--private-ip", "--address", "0.0.0.0", "--port", "5432", "p:r:primary",
                "'p:r:replica-a?port=5433'", "'p:r:replica-b?port=5434'"), s.proxyArguments());
        assertEquals("cloudsql-proxy:5433,cloudsql-proxy:5434", s.readHosts());
    }

    @Test
    void noReplicasNoReadHosts() {
        PoolStartupScript s = withReplicas(List.of());
        assertEquals(List.of("--private-ip", "--address", "0.0.0.0", "--port", "5432", "p:r:primary"), s.proxyArguments());
        assertEquals("", s.readHosts());
    }
}
