package io.stagecraft.sizing;

/**
 * Fixed parts of each stage's layout that cost money whatever the load. The stage stacks build exactly these,
 * and the graph-cost test fails if the two drift apart.
 */
public final class StageLayout {
    /** Global HTTPS load balancer: the HTTPS forwarding rule and the HTTP-to-HTTPS redirect rule. */
    public static final int GCP_HORIZONTAL_FORWARDING_RULES = 2;
    /** Cloud Armor: a per-client rate limit rule and the default allow rule. */
    public static final int GCP_CLOUD_ARMOR_RULES = 2;
    /** Secret Manager secrets of the horizontal stage: the database password and the Redis AUTH string. */
    public static final int GCP_HORIZONTAL_SECRETS = 2;
    /** Enterprise: each region's GKE Gateway is a global external load balancer with one HTTPS forwarding rule. */
    public static final int GCP_ENTERPRISE_FORWARDING_RULES_PER_REGION = 1;
    /** Enterprise: the assets bucket's Cloud CDN load balancer, HTTPS only (the edge redirects plain HTTP). */
    public static final int GCP_ENTERPRISE_ASSETS_FORWARDING_RULES = 1;
    /** Global forwarding rules one flat hourly charge covers per project; each further rule is billed on its own. */
    public static final int GCP_FORWARDING_RULES_PER_BLOCK = 5;
    /** Enterprise Secret Manager replicas per region: the database password's replica and the region's Redis AUTH. */
    public static final int GCP_ENTERPRISE_SECRET_REPLICAS_PER_REGION = 2;
    /** AWS horizontal: availability zones of the VPC (the least an ALB, RDS Multi-AZ and Redis failover need). */
    public static final int AWS_HORIZONTAL_ZONES = 2;
    /** WAFv2 web ACL: a per-client rate-based rule and the AWS managed common rule set. */
    public static final int AWS_WAF_RULES = 2;
    /** Secrets Manager secrets of the AWS horizontal stage: the database password and the Redis AUTH token. */
    public static final int AWS_HORIZONTAL_SECRETS = 2;
    /** ElastiCache and RDS keep about a quarter of node memory for overhead; the rest holds data. */
    public static final double ELASTICACHE_USABLE_MEMORY = 0.75;
    /** Memorystore's largest instance. */
    public static final int MEMORYSTORE_MAX_GB = 300;

    private StageLayout() {
    }
}
