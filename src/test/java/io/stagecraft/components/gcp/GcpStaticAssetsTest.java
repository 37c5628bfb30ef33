package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bucket's grants (the load balancer's agent reads, the app writes media only) and what the URL map points at. */
class GcpStaticAssetsTest {
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String BACKEND = "gcp:compute/backendBucket:BackendBucket";
    private OfflineEngine.Run run;

    @BeforeEach
    void assetsWithAMediaWriter() {
        run = ComponentRun.of(ctx -> {
            GcpStaticAssets assets = new GcpStaticAssets("assets",
                    GcpStaticAssets.Args.defaults("us-central1", false, Map.of()), ComponentRun.topLevel());
            ctx.export("writerUrn", assets.allowMediaWriter("assets-api-media-writer",
                    Output.of("sc-shop-api@offline-project.iam.gserviceaccount.com")).urn());
            ctx.export("bucketUrl", assets.bucketUrl());
            ctx.export("staticBackendId", assets.staticBackendId());
            ctx.export("mediaBackendId", assets.mediaBackendId());
        });
    }

    private String bucketName() {
        return (String) run.graph().one("gcp:storage/bucket:Bucket", "assets-bucket").outputs().get("name");
    }

    @Test
    void theLoadBalancersServiceAgentReadsTheBucket() {
        ResourceNode read = run.graph().one(MEMBER, "assets-cdn-read");
        assertEquals("serviceAccount:service-123456789012@https-lb.iam.gserviceaccount.com", read.string("member"));
        assertEquals("roles/storage.objectViewer", read.string("role"));
        assertEquals(bucketName(), read.string("bucket"));
    }

    @Test
    void theMediaWriterMayWriteUnderMediaOnly() {
        ResourceNode writer = run.graph().one(MEMBER, "assets-api-media-writer");
        assertEquals("serviceAccount:sc-shop-api@offline-project.iam.gserviceaccount.com", writer.string("member"));
        assertEquals("roles/storage.objectUser", writer.string("role"));
        assertEquals("resource.name.startsWith(\"projects/_/buckets/" + bucketName() + "/objects/media/\")",
                writer.string("condition.expression"));
        assertTrue(bucketName().startsWith("assets-bucket"), bucketName());
        assertEquals(writer.urn(), run.outputs().get("writerUrn"));
    }

    @Test
    void accessorsGiveTheBucketsUrlAndEachBackendsId() {
        assertEquals("gs://" + bucketName(), run.outputs().get("bucketUrl"));
        Object staticId = run.graph().one(BACKEND, "assets-static").outputs().get("id");
        Object mediaId = run.graph().one(BACKEND, "assets-media").outputs().get("id");
        assertNotEquals(staticId, mediaId);
        assertEquals(staticId, run.outputs().get("staticBackendId"));
        assertEquals(mediaId, run.outputs().get("mediaBackendId"));
    }
}
