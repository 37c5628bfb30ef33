package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret ids, the same for a set of regions in any order, and who may read a secret. */
class GcpSecretTest {

    @Test
    void aReplicatedIdEndsWithEightHexCharactersOfItsRegions() {
        assertEquals("sc-shop-sql-password-0fc455f6",
                GcpSecret.replicatedId("sc-shop-sql-password", List.of("europe-west1", "us-central1")));
    }

    @Test
    void theRegionsOrderDoesNotChangeTheId() {
        assertEquals("sc-shop-sql-password-0fc455f6",
                GcpSecret.replicatedId("sc-shop-sql-password", List.of("us-central1", "europe-west1")));
    }

    @Test
    void readersAreGrantedAccessAndTheIdIsTheOneGiven() {
        OfflineEngine.Run run = ComponentRun.of(ctx -> {
            GcpSecret secret = new GcpSecret("db", new GcpSecret.Args("sc-shop-db", "us-central1",
                    Output.ofSecret("pw"), List.of(Output.of("sc-shop-api@offline-project.iam.gserviceaccount.com")),
                    Map.of()), ComponentRun.topLevel());
            ctx.export("secretId", secret.secretId());
        });
        assertEquals("sc-shop-db", run.outputs().get("secretId"));
        assertEquals("serviceAccount:sc-shop-api@offline-project.iam.gserviceaccount.com",
                run.graph().one("gcp:secretmanager/secretIamMember:SecretIamMember", "db-reader-0").string("member"));
    }
}
