package io.stagecraft.components.aws;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.List;
import java.util.Map;

/**
 * The media and static files bucket behind CloudFront. The bucket is private: every public access path is blocked,
 * ACLs are disabled (bucket owner enforced), objects are encrypted (SSE-S3) and versioned (an overwrite or delete
 * keeps the old version), requests without TLS are refused, and the only reader is the distribution, through origin
 * access control (SigV4-signed requests, checked against the distribution's ARN in the bucket policy), and only
 * under {@code static/} and {@code media/}. The pools write media through their IAM role, under {@code media/} only.
 *
 * <p>CloudFront serves {@code /static/*} cached 30 days and {@code /media/*} 7 days (the scaling guide's figures, as
 * on GCP), on its default {@code *.cloudfront.net} name over HTTPS (HTTP redirects), from the cheapest price class
 * (North America and Europe edges). Other paths reach the bucket too but the bucket policy refuses them.
 */
public final class AwsStaticAssets extends ComponentResource {
    public static final int STATIC_TTL_SECONDS = 2_592_000;
    public static final int MEDIA_TTL_SECONDS = 604_800;
    public static final String MEDIA_PREFIX = "media/";
    public static final String STATIC_PREFIX = "static/";
    public static final String PRICE_CLASS = "PriceClass_100";
    private static final String ORIGIN = "media-bucket";

    private final BucketV2 bucket;
    private final Distribution distribution;

    public AwsStaticAssets(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:StaticAssets", name, opts);
        this.bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .forceDestroy(false)
                .tags(args.tags())
                .build(), ChildOptions.stateful(this, args.protect()));
        BucketPublicAccessBlock blocked = new BucketPublicAccessBlock(name + "-no-public", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), ChildOptions.of(this));
        new BucketOwnershipControls(name + "-owner", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), ChildOptions.of(this));
        new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), ChildOptions.of(this));
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                                .sseAlgorithm("AES256").build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(), ChildOptions.of(this));
        OriginAccessControl oac = new OriginAccessControl(name + "-oac", OriginAccessControlArgs.builder()
                .description("Stagecraft: CloudFront reads the media bucket")
                .originAccessControlOriginType("s3")
                .signingBehavior("always")
                .signingProtocol("sigv4")
                .build(), ChildOptions.of(this));
        CachePolicy staticPolicy = cachePolicy(name + "-static-cache", "Static files, 30 days", args.staticTtlSeconds());
        CachePolicy mediaPolicy = cachePolicy(name + "-media-cache", "User media, 7 days", args.mediaTtlSeconds());
        this.distribution = new Distribution(name + "-cdn", DistributionArgs.builder()
                .enabled(true)
                .comment("Stagecraft static files and media")
                .isIpv6Enabled(true)
                .httpVersion("http2and3")
                .priceClass(PRICE_CLASS)
                .origins(DistributionOriginArgs.builder()
                        .originId(ORIGIN)
                        .domainName(bucket.bucketRegionalDomainName())
                        .originAccessControlId(oac.id())
                        .build())
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(ORIGIN)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD")
                        .cachedMethods("GET", "HEAD")
                        .compress(true)
                        .cachePolicyId(mediaPolicy.id())
                        .build())
                .orderedCacheBehaviors(behavior("/static/*", staticPolicy), behavior("/media/*", mediaPolicy))
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build())
                        .build())
                .viewerCertificate(DistributionViewerCertificateArgs.builder().cloudfrontDefaultCertificate(true).build())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), distribution.arn()).applyValue(t ->
                        AwsPolicies.cloudFrontRead(t.t1, t.t2, List.of(STATIC_PREFIX, MEDIA_PREFIX))))
                // S3 refuses a policy while the public access block is being changed
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(blocked).build());
        registerOutputs(Map.of("bucketName", bucket.bucket(), "cdnDomain", distribution.domainName()));
    }

    /** Cache keys are the path only: no cookies, headers or query strings; gzip and brotli variants. */
    private CachePolicy cachePolicy(String name, String comment, int ttl) {
        return new CachePolicy(name, CachePolicyArgs.builder()
                .comment(comment)
                .minTtl(0)
                .defaultTtl(ttl)
                .maxTtl(ttl)
                .parametersInCacheKeyAndForwardedToOrigin(CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                        .cookiesConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs.builder()
                                .cookieBehavior("none").build())
                        .headersConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                                .headerBehavior("none").build())
                        .queryStringsConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs.builder()
                                .queryStringBehavior("none").build())
                        .enableAcceptEncodingGzip(true)
                        .enableAcceptEncodingBrotli(true)
                        .build())
                .build(), ChildOptions.of(this));
    }

    private static DistributionOrderedCacheBehaviorArgs behavior(String path, CachePolicy policy) {
        return DistributionOrderedCacheBehaviorArgs.builder()
                .pathPattern(path)
                .targetOriginId(ORIGIN)
                .viewerProtocolPolicy("redirect-to-https")
                .allowedMethods("GET", "HEAD")
                .cachedMethods("GET", "HEAD")
                .compress(true)
                .cachePolicyId(policy.id())
                .build();
    }

    public Output<String> bucketName() {
        return bucket.bucket();
    }

    public Output<String> bucketArn() {
        return bucket.arn();
    }

    public Output<String> cdnDomain() {
        return distribution.domainName();
    }

    /**
     * @param protect          protect the bucket from deletion (prod)
     * @param staticTtlSeconds edge cache time for {@code /static/*}
     * @param mediaTtlSeconds  edge cache time for {@code /media/*}
     */
    public record Args(boolean protect, int staticTtlSeconds, int mediaTtlSeconds, Map<String, String> tags) {
        public Args {
            tags = Map.copyOf(tags);
            if (staticTtlSeconds < 1 || mediaTtlSeconds < 1) {
                throw new IllegalArgumentException("cache times must be positive");
            }
        }

        /** The scaling guide's figures. */
        public static Args defaults(boolean protect, Map<String, String> tags) {
            return new Args(protect, STATIC_TTL_SECONDS, MEDIA_TTL_SECONDS, tags);
        }
    }
}
