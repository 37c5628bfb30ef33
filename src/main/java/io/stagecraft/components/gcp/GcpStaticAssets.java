package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.BackendBucket;
import com.pulumi.gcp.compute.BackendBucketArgs;
import com.pulumi.gcp.compute.inputs.BackendBucketCdnPolicyArgs;
import com.pulumi.gcp.compute.inputs.BackendBucketCdnPolicyNegativeCachingPolicyArgs;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketIAMMemberConditionArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleActionArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleConditionArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.components.Moved;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Static files and user media: one private Cloud Storage bucket behind Cloud CDN, through two backend buckets
 * ({@code /static/*} and {@code /media/*} in the load balancer's URL map) because one backend bucket carries one
 * cache policy and the two kinds of content are cached for different times.
 *
 * <p>Access: the bucket is private. Public access prevention is enforced, so no {@code allUsers} grant can ever be
 * added and nobody reads objects anonymously on {@code storage.googleapis.com}. The load balancer reads them through
 * Cloud CDN's private bucket access: the one reader is the project's load balancer service agent,
 * {@code service-<PROJECT_NUMBER>@https-lb.iam.gserviceaccount.com}, granted {@code roles/storage.objectViewer}
 * (the only role that feature accepts; it can list, but the URL map only ever sends object paths under
 * {@code /static/} and {@code /media/}, never the bucket root). Sources: Google's "Configure private bucket access"
 * page (docs.cloud.google.com/cdn/docs/configure-private-bucket-access: content reachable only through Cloud CDN,
 * no signed URLs needed) and the release note of 2026-06-25 making it GA, which names that service agent, the role,
 * read-only methods, and FORCE_CACHE_ALL with an explicit TTL for private buckets (GCS marks their objects
 * {@code Cache-Control: private}). The older alternatives were worse: {@code allUsers} on the bucket makes every
 * object public on the storage API too, and the {@code cloud-cdn-fill} account belongs to the signed URL set-up
 * (it only exists once a signing key is added), which public static files and media have no use for.
 *
 * <p>The service agent appears when the project's first backend bucket is created, so the grant waits for both
 * backend buckets. On a brand-new project the grant can still race the agent's propagation; a second
 * {@code pulumi up} settles it.
 *
 * <p>Only the two CDN routes are cached. The API's "no cache" lives in the load balancer: its backend services
 * have CDN disabled, so API responses never reach an edge cache.
 */
public final class GcpStaticAssets extends ComponentResource {
    // Scaling guide 3: static files cache 30 days, media 7 days; archive old media.
    /** Edge and browser cache time for static files: 30 days. */
    public static final int STATIC_TTL_SECONDS = 2_592_000;
    /** Edge and browser cache time for media: 7 days. */
    public static final int MEDIA_TTL_SECONDS = 604_800;
    /** Media older than this moves to NEARLINE. */
    public static final int NEARLINE_AFTER_DAYS = 90;

    /** Overwritten or deleted objects stay recoverable this long. */
    public static final int NONCURRENT_RETENTION_DAYS = 30;
    /** The narrowest role that creates, overwrites and deletes objects, without bucket or IAM administration. */
    public static final String MEDIA_WRITER_ROLE = "roles/storage.objectUser";
    /** Object prefix of uploaded media (the URL map sends {@code /media/*} here unchanged). */
    public static final String MEDIA_PREFIX = "media/";
    /** Longest cache TTL Cloud CDN accepts: 366 days. */
    public static final int MAX_CDN_TTL_SECONDS = 31_622_400;
    /** How long a 404 or 410 is cached, so a file uploaded after a miss shows up within a minute. */
    public static final int NEGATIVE_TTL_SECONDS = 60;

    private final Bucket bucket;
    private final BackendBucket staticBackend;
    private final BackendBucket mediaBackend;

    public GcpStaticAssets(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:StaticAssets", name, opts);
        this.bucket = new Bucket(name + "-bucket", BucketArgs.builder()
                // GCS stores locations upper case; giving it that way keeps the plan free of case-only diffs
                .location(args.location())
                .storageClass("STANDARD")
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                // media is user data: an overwrite or delete keeps the old version for a while
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .forceDestroy(false)
                .lifecycleRules(
                        BucketLifecycleRuleArgs.builder()
                                .action(BucketLifecycleRuleActionArgs.builder()
                                        .type("SetStorageClass").storageClass("NEARLINE").build())
                                .condition(BucketLifecycleRuleConditionArgs.builder()
                                        .age(args.nearlineAfterDays())
                                        .matchesPrefixes(MEDIA_PREFIX)
                                        .matchesStorageClasses("STANDARD")
                                        .build())
                                .build(),
                        BucketLifecycleRuleArgs.builder()
                                .action(BucketLifecycleRuleActionArgs.builder().type("Delete").build())
                                .condition(BucketLifecycleRuleConditionArgs.builder()
                                        .daysSinceNoncurrentTime(NONCURRENT_RETENTION_DAYS)
                                        .build())
                                .build())
                .labels(args.labels())
                .build(), Moved.keep(ChildOptions.statefulBuilder(this, args.protect()), args.moved(), "-bucket").build());
        this.staticBackend = backend(name + "-static", "Static files (CSS, JS, images), cached 30 days",
                args.staticTtlSeconds(), args, "-static");
        this.mediaBackend = backend(name + "-media", "User media, cached 7 days", args.mediaTtlSeconds(), args, "-media");
        Output<String> loadBalancerAgent = OrganizationsFunctions.getProject().applyValue(project ->
                "serviceAccount:service-" + project.number() + "@https-lb.iam.gserviceaccount.com");
        new BucketIAMMember(name + "-cdn-read", BucketIAMMemberArgs.builder()
                .bucket(bucket.name())
                .role("roles/storage.objectViewer")
                .member(loadBalancerAgent)
                .build(), Moved.keep(CustomResourceOptions.builder().parent(this), args.moved(), "-cdn-read")
                .dependsOn(List.of(staticBackend, mediaBackend)).build());
        registerOutputs(Map.of(
                "bucketName", bucket.name(),
                "bucketUrl", bucket.url(),
                "staticBackendId", staticBackend.id(),
                "mediaBackendId", mediaBackend.id()));
    }

    /**
     * FORCE_CACHE_ALL so the TTL holds whatever metadata an upload carries (and overrides the {@code private} a
     * private bucket sends). maxTtl is left out: the API accepts it with CACHE_ALL_STATIC only. Static files
     * cached this long must be published under content-hashed names, or a change waits for the TTL.
     */
    private BackendBucket backend(String logicalName, String description, int ttlSeconds, Args args, String suffix) {
        return new BackendBucket(logicalName, BackendBucketArgs.builder()
                .bucketName(bucket.name())
                .description(description)
                .enableCdn(true)
                .compressionMode("AUTOMATIC")
                .cdnPolicy(BackendBucketCdnPolicyArgs.builder()
                        .cacheMode("FORCE_CACHE_ALL")
                        .defaultTtl(ttlSeconds)
                        .clientTtl(ttlSeconds)
                        .requestCoalescing(true)
                        .negativeCaching(true)
                        .negativeCachingPolicies(
                                BackendBucketCdnPolicyNegativeCachingPolicyArgs.builder()
                                        .code(404).ttl(NEGATIVE_TTL_SECONDS).build(),
                                BackendBucketCdnPolicyNegativeCachingPolicyArgs.builder()
                                        .code(410).ttl(NEGATIVE_TTL_SECONDS).build())
                        .build())
                .build(), Moved.keep(CustomResourceOptions.builder().parent(this), args.moved(), suffix).build());
    }


    /**
     * Lets a service account upload, replace and delete media: {@code roles/storage.objectUser} on this bucket only,
     * limited by an IAM condition to objects under {@value #MEDIA_PREFIX} (static files stay read-only to the app;
     * overwritten or deleted media stay recoverable through versioning).
     */
    public BucketIAMMember allowMediaWriter(String name, Output<String> serviceAccountEmail) {
        return new BucketIAMMember(name, BucketIAMMemberArgs.builder()
                .bucket(bucket.name())
                .role(MEDIA_WRITER_ROLE)
                .member(serviceAccountEmail.applyValue(e -> "serviceAccount:" + e))
                .condition(BucketIAMMemberConditionArgs.builder()
                        .title("stagecraft-media-only")
                        .description("Objects under " + MEDIA_PREFIX + " only")
                        .expression(bucket.name().applyValue(b -> "resource.name.startsWith(\"projects/_/buckets/" + b
                                + "/objects/" + MEDIA_PREFIX + "\")"))
                        .build())
                .build(), ChildOptions.of(this));
    }

    public Output<String> bucketName() {
        return bucket.name();
    }

    public Output<String> bucketUrl() {
        return bucket.url();
    }

    /** For the URL map's {@code /static/*} rule. */
    public Output<String> staticBackendId() {
        return staticBackend.id();
    }

    /** For the URL map's {@code /media/*} rule. */
    public Output<String> mediaBackendId() {
        return mediaBackend.id();
    }

    /**
     * @param region            where the bucket lives (a GCS region such as us-central1)
     * @param protect           protect the bucket from deletion (prod)
     * @param staticTtlSeconds  edge and browser cache time for {@code /static/*}
     * @param mediaTtlSeconds   edge and browser cache time for {@code /media/*}
     * @param nearlineAfterDays age at which media moves to NEARLINE
     * @param moved             this component as an earlier stage declared it (the bucket keeps its identity), or
     *                          empty
     */
    public record Args(String region, boolean protect, Map<String, String> labels, int staticTtlSeconds,
                       int mediaTtlSeconds, int nearlineAfterDays, Optional<Moved> moved, Optional<String> multiRegion) {
        public Args(String region, boolean protect, Map<String, String> labels, int staticTtlSeconds,
                    int mediaTtlSeconds, int nearlineAfterDays, Optional<Moved> moved) {
            this(region, protect, labels, staticTtlSeconds, mediaTtlSeconds, nearlineAfterDays, moved, Optional.empty());
        }

        public Args {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("static assets bucket needs a region");
            }
            labels = Map.copyOf(labels);
            ttl("static", staticTtlSeconds);
            ttl("media", mediaTtlSeconds);
            if (nearlineAfterDays < 1) {
                throw new IllegalArgumentException("media moves to NEARLINE after at least 1 day, got " + nearlineAfterDays);
            }
        }

        /** The scaling guide's figures. */
        public static Args defaults(String region, boolean protect, Map<String, String> labels) {
            return new Args(region, protect, labels, STATIC_TTL_SECONDS, MEDIA_TTL_SECONDS, NEARLINE_AFTER_DAYS,
                    Optional.empty());
        }

        /** The same, for the bucket an earlier stage declared. */
        public Args movedFrom(Moved from) {
            return new Args(region, protect, labels, staticTtlSeconds, mediaTtlSeconds, nearlineAfterDays, Optional.of(from),
                    multiRegion);
        }

        /**
         * The same, in a multi-region (US, EU, ASIA) instead of the region. Only for a new bucket: the location is
         * force-new, so an existing bucket moved there would be replaced, its objects lost.
         */
        public Args inMultiRegion(String location) {
            return new Args(region, protect, labels, staticTtlSeconds, mediaTtlSeconds, nearlineAfterDays, moved,
                    Optional.of(location));
        }

        /** The bucket's location as GCS stores it (upper case, which keeps the plan free of case-only diffs). */
        public String location() {
            return multiRegion.orElse(region).toUpperCase(Locale.ROOT);
        }

        private static void ttl(String what, int seconds) {
            if (seconds < 1 || seconds > MAX_CDN_TTL_SECONDS) {
                throw new IllegalArgumentException(what + " cache TTL of " + seconds + " s: Cloud CDN takes 1 to "
                        + MAX_CDN_TTL_SECONDS + " s");
            }
        }
    }
}
