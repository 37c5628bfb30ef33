package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client grant: limited to this component's instances, the replicas and the analytics replica included. */
class GcpPostgresTest {
    private static final String INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";
    private OfflineEngine.Run run;
    private List<String> replicaRegions;

    @BeforeEach
    void aPrimaryWithAReplicaAndAnAnalyticsReplica() {
        run = ComponentRun.of(ctx -> {
            GcpPostgres pg = new GcpPostgres("pg", new GcpPostgres.Args("shop-project", "us-central1", "db-custom-2-7680",
                    true, List.of("us-east1"), 50, 200, 250, 7, Output.of("projects/shop-project/global/networks/vpc"),
                    List.of(), Output.ofSecret("s3cret"), false, Map.of()).withAnalyticsReplica("db-custom-1-3840"),
                    ComponentRun.topLevel());
            ctx.export("clientUrn", pg.allowClient("pg-api-client",
                    Output.of("sc-shop-api@shop-project.iam.gserviceaccount.com")).urn());
            replicaRegions = pg.replicaRegions();
        });
    }

    private String instanceName(String logicalName) {
        return (String) run.graph().one(INSTANCE, logicalName).outputs().get("name");
    }

    @Test
    void theGrantNamesThePrimaryItsReplicaAndTheAnalyticsReplica() {
        ResourceNode grant = run.graph().one("gcp:projects/iAMMember:IAMMember", "pg-api-client");
        String expected = "resource.name == \"projects/shop-project/instances/" + instanceName("pg-primary") + "\""
                + " || resource.name == \"projects/shop-project/instances/" + instanceName("pg-replica-1") + "\""
                + " || resource.name == \"projects/shop-project/instances/" + instanceName("pg-analytics-replica") + "\"";
        assertEquals(expected, grant.string("condition.expression"));
        assertEquals("serviceAccount:sc-shop-api@shop-project.iam.gserviceaccount.com", grant.string("member"));
        assertEquals("roles/cloudsql.client", grant.string("role"));
        assertEquals("shop-project", grant.string("project"));
    }

    @Test
    void allowClientReturnsTheGrantItCreated() {
        assertEquals(run.graph().one("gcp:projects/iAMMember:IAMMember", "pg-api-client").urn(),
                run.outputs().get("clientUrn"));
    }

    @Test
    void replicaRegionsAreThoseAskedFor() {
        assertEquals(List.of("us-east1"), replicaRegions);
        assertEquals("us-east1", run.graph().one(INSTANCE, "pg-replica-1").string("region"));
    }
}
