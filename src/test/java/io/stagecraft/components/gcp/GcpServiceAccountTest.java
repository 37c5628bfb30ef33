package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Account ids GCP accepts, and project grants that name the account. */
class GcpServiceAccountTest {

    @Test
    void aSixCharacterIdIsKeptAsItIs() {
        assertEquals("sc-a-b", GcpServiceAccount.accountId("a", "b"));
    }

    @Test
    void aShorterIdIsPaddedToSixCharacters() {
        assertEquals("sc-axx", GcpServiceAccount.accountId("a", ""));
    }

    @Test
    void everyRoleIsGrantedToTheAccountsEmail() {
        OfflineEngine.Run run = ComponentRun.of(ctx -> new GcpServiceAccount("web", new GcpServiceAccount.Args(
                "sc-shop-web", "Shop web servers", "shop-project", GcpServiceAccount.LOGGING_AND_MONITORING),
                ComponentRun.topLevel()));
        String member = "serviceAccount:sc-shop-web@offline-project.iam.gserviceaccount.com";
        for (String name : List.of("web-logwriter", "web-metricwriter")) {
            assertEquals(member, run.graph().one("gcp:projects/iAMMember:IAMMember", name).string("member"), name);
        }
        assertEquals("roles/monitoring.metricWriter",
                run.graph().one("gcp:projects/iAMMember:IAMMember", "web-metricwriter").string("role"));
    }
}
