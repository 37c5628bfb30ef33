package io.stagecraft.cost;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.LineItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monthly cost of each provisioned example stack, every line item and the total worked out by hand from the
 * catalog's published prices (src/main/resources/io/stagecraft/sizing/catalog.yaml; hourly prices x 730 hours a month,
 * GB-month and monthly prices as they are). Nothing here asks the production price code for an expected value: the
 * sizing plan's cost and the cost read off the planned resources are each compared with these figures, so a pricing
 * slip that both would share (the two are priced by the same {@code PriceBook}) still fails here.
 * CostAgreementTest checks, across many more loads, that the plan's and the graph's costs agree with each other.
 *
 * <p>Quantities come from the sizing model at its default coefficients; where a quantity is worked out in a comment,
 * the derivation uses the defaults listed in docs/sizing.md (for example a data disk sized 70% full, snapshots at
 * 1.0 x the disk, 10% free space on a managed database disk).
 */
class HandPricedStacksTest {
    /** Monthly figures are compared to a millionth of a dollar: every figure below is exact in decimal. */
    private static final double EXACT = 1e-6;

    // ------------------------------------------------------------------ single VM, GCP us-central1, 300 users
    // data disk: (database max(20, 300 x 0.05) = 20 GB + media 300 x 0.05 = 15 GB) / 0.70 = 50 GB, rounded up to 10 GB
    /** e2-standard-2 $0.067011/h x 730 h = $48.91803 */
    private static final double E2_STANDARD_2 = 48.91803;
    /** boot disk 30 GB pd-balanced x $0.10/GB-month = $3.00 */
    private static final double GCP_BOOT_DISK = 3.00;
    /** data disk 50 GB pd-ssd x $0.17/GB-month = $8.50 */
    private static final double GCP_DATA_DISK_50 = 8.50;
    /** snapshots 50 GB x 1.0 (share of the disk) x $0.05/GB-month = $2.50 */
    private static final double GCP_SNAPSHOTS_50 = 2.50;
    /** static external IP $0.005/h x 730 h = $3.65 (the same rate on AWS for an Elastic IP) */
    private static final double PUBLIC_IP = 3.65;
    /** 48.91803 + 3.00 + 8.50 + 2.50 + 3.65 */
    private static final double SINGLE_VM_GCP_TOTAL = 66.56803;

    // ------------------------------------------------------------------ single VM, AWS us-east-1, 300 users
    /** t3.large $0.0832/h x 730 h = $60.736 */
    private static final double T3_LARGE = 60.736;
    /** root volume 30 GB gp3 x $0.08/GB-month = $2.40 */
    private static final double AWS_ROOT_VOLUME = 2.40;
    /** data volume 50 GB gp3 x $0.08/GB-month = $4.00 */
    private static final double AWS_DATA_VOLUME_50 = 4.00;
    /** EBS snapshots 50 GB x 1.0 x $0.05/GB-month = $2.50 */
    private static final double AWS_SNAPSHOTS_50 = 2.50;
    /** 60.736 + 2.40 + 4.00 + 2.50 + 3.65 */
    private static final double SINGLE_VM_AWS_TOTAL = 73.286;

    // ------------------------------------------------------------------ vertical, GCP us-central1, 1,500 users
    // data disk: (database 1,500 x 0.05 = 75 GB + media 75 GB) / 0.70 = 214.3 GB, rounded up to 220 GB
    /** n2-standard-4 $0.194236/h x 730 h = $141.79228 */
    private static final double N2_STANDARD_4 = 141.79228;
    /** data disk 220 GB pd-ssd x $0.17 = $37.40 */
    private static final double GCP_DATA_DISK_220 = 37.40;
    /** snapshots 220 GB x 1.0 x $0.05 = $11.00 */
    private static final double GCP_SNAPSHOTS_220 = 11.00;
    /** 141.79228 + 3.00 + 37.40 + 11.00 + 3.65 */
    private static final double VERTICAL_TOTAL = 196.84228;

    // ------------------------------------------------------------------ horizontal, GCP europe-west1, 5,000 users
    // database disk: 5,000 x 0.05 = 250 GB x 1.10 free space = 275 GB, rounded up to 280 GB
    // cache: 2,000 x 1 MB + 3,000 x 0.375 MB + 2,500 websockets x 0.01 MB = 3,150 MB, in whole GB: 4 GB, STANDARD (HA)
    /** 6 x n2-highcpu-2 at $0.078868/h x 730 h = $345.44184 */
    private static final double GCP_API_POOL = 345.44184;
    /** 6 x 30 GB pd-balanced = 180 GB x $0.10 = $18.00 */
    private static final double GCP_API_BOOT_DISKS = 18.00;
    /** 2 x n2-highcpu-2 at $0.078868/h x 730 h = $115.14728 */
    private static final double GCP_WS_POOL = 115.14728;
    /** 2 x 30 GB pd-balanced = 60 GB x $0.10 = $6.00 */
    private static final double GCP_WS_BOOT_DISKS = 6.00;
    /** forwarding rules, the first five together: $0.025/h x 730 h = $18.25 */
    private static final double FORWARDING_RULES = 18.25;
    /** Cloud NAT for 8 VMs (6 + 2): 8 x $0.0014/h x 730 h = $8.176 */
    private static final double CLOUD_NAT_8 = 8.176;
    /** Cloud Armor policy $5.00/month */
    private static final double ARMOR_POLICY = 5.00;
    /** Cloud Armor rules: 2 x $1.00/month (3 x $1.00 behind the edge) */
    private static final double ARMOR_RULES_2 = 2.00;
    /** Secret Manager: 2 active versions x $0.06/month = $0.12 ($0.06 each in the graph) */
    private static final double SECRET_VERSION = 0.06;
    /** db-custom-2-7680 $0.1351/h x 2 (regional HA) x 730 h = $197.246 */
    private static final double CLOUD_SQL_PRIMARY_HA = 197.246;
    /** 280 GB SSD billed twice for HA = 560 GB x $0.17 = $95.20 */
    private static final double CLOUD_SQL_PRIMARY_STORAGE = 95.20;
    /** backups 280 GB x 1.0 x $0.08 = $22.40 */
    private static final double CLOUD_SQL_BACKUPS = 22.40;
    /** read replica db-custom-2-7680 $0.1351/h x 730 h = $98.623 */
    private static final double CLOUD_SQL_REPLICA = 98.623;
    /** replica storage 280 GB x $0.17 = $47.60 */
    private static final double CLOUD_SQL_REPLICA_STORAGE = 47.60;
    /** Memorystore STANDARD 4 GB in the 1-4 GB band: 4 x $0.064/GB-h x 730 h = $186.88 */
    private static final double MEMORYSTORE_STANDARD_4 = 186.88;
    /** media bucket 400 GB (stagecraft:mediaStorageGb) x $0.020 = $8.00 */
    private static final double GCS_400 = 8.00;
    /**
     * 345.44184 + 18 + 115.14728 + 6 + 18.25 + 8.176 + 5 + 2 + 0.12 + 197.246 + 95.2 + 22.4 + 98.623 + 47.6 + 186.88 + 8
     */
    private static final double HORIZONTAL_GCP_TOTAL = 1174.08412;

    // ------------------------------------------------------------------ horizontal, AWS us-east-1, 5,000 users
    /** 6 x c5.large at $0.085/h x 730 h = $372.30 */
    private static final double AWS_API_POOL = 372.30;
    /** 180 GB gp3 x $0.08 = $14.40 */
    private static final double AWS_API_ROOT_VOLUMES = 14.40;
    /** 2 x c5.large at $0.085/h x 730 h = $124.10 */
    private static final double AWS_WS_POOL = 124.10;
    /** 60 GB gp3 x $0.08 = $4.80 */
    private static final double AWS_WS_ROOT_VOLUMES = 4.80;
    /** ALB $0.0225/h x 730 h = $16.425 */
    private static final double ALB = 16.425;
    /** two public IPv4 addresses (one per zone) x $0.005/h x 730 h = $7.30; the same for two NAT Elastic IPs */
    private static final double TWO_PUBLIC_IPS = 7.30;
    /** one NAT gateway per zone at the HA target: $0.045/h x 730 h = $32.85 each, $65.70 for two */
    private static final double NAT_GATEWAY = 32.85;
    /** WAF web ACL $5.00/month */
    private static final double WAF_ACL = 5.00;
    /** WAF rules 2 x $1.00/month */
    private static final double WAF_RULES = 2.00;
    /** Secrets Manager $0.40 per secret a month */
    private static final double SECRETS_MANAGER_SECRET = 0.40;
    /** db.t3.large $0.145/h x 2 (Multi-AZ) x 730 h = $211.70 */
    private static final double RDS_PRIMARY_MULTI_AZ = 211.70;
    /** 280 GB gp3 billed twice for Multi-AZ = 560 GB x $0.115 = $64.40 */
    private static final double RDS_PRIMARY_STORAGE = 64.40;
    /** backups 280 GB x 1.0 x $0.095 = $26.60 */
    private static final double RDS_BACKUPS = 26.60;
    /** read replica db.t3.large $0.145/h x 730 h = $105.85 */
    private static final double RDS_REPLICA = 105.85;
    /** replica storage 280 GB x $0.115 = $32.20 */
    private static final double RDS_REPLICA_STORAGE = 32.20;
    /** ElastiCache: primary and replica, 2 x cache.r5.large at $0.216/h x 730 h = $315.36 */
    private static final double ELASTICACHE_2_R5_LARGE = 315.36;
    /** media 5,000 x 0.05 = 250 GB in S3 Standard x $0.023 = $5.75 */
    private static final double S3_250 = 5.75;
    /**
     * 372.3 + 14.4 + 124.1 + 4.8 + 16.425 + 7.3 + 65.7 + 7.3 + 5 + 2 + 0.8 + 211.7 + 64.4 + 26.6 + 2 x (105.85 + 32.2)
     * + 315.36 + 5.75
     */
    private static final double HORIZONTAL_AWS_TOTAL = 1520.035;

    // ------------------------------------------------------------------ the edge (Cloudflare)
    /** the zone's Pro plan, $20.00/month */
    private static final double CLOUDFLARE_PRO = 20.00;
    /** single VM GCP + the zone's plan: 66.56803 + 20.00 */
    private static final double SINGLE_VM_EDGE_TOTAL = 86.56803;
    /** a third Cloud Armor rule admits the edge's ranges: 1 x $1.00 */
    private static final double ARMOR_EDGE_RULE = 1.00;
    /** horizontal GCP + plan + one Cloud Armor rule: 1174.08412 + 20.00 + 1.00 */
    private static final double HORIZONTAL_EDGE_TOTAL = 1195.08412;

    private static LineItem item(String category, String item, String region, double quantity, String unit, double usd) {
        return new LineItem(category, item, region, quantity, unit, usd);
    }

    @Test
    void singleVmOnGcp() {
        OfflinePlanner.Result r = Plans.of("stacks/single-vm.yaml");
        String rg = "us-central1";
        assertItems(List.of(
                item("compute", "server e2-standard-2", rg, 1, "instance", E2_STANDARD_2),
                item("storage", "boot disk (pd-balanced)", rg, 30, "GB", GCP_BOOT_DISK),
                item("storage", "data disk (pd-ssd)", rg, 50, "GB", GCP_DATA_DISK_50),
                item("storage", "data disk snapshots", rg, 50, "GB", GCP_SNAPSHOTS_50),
                item("network", "static public IP", rg, 1, "address", PUBLIC_IP)), r.plan().cost(), SINGLE_VM_GCP_TOTAL);
        assertItems(List.of(
                item("compute", "stagecraft-host-vm e2-standard-2", rg, 1, "instance", E2_STANDARD_2),
                item("storage", "stagecraft-host-vm boot disk (pd-balanced)", rg, 30, "GB", GCP_BOOT_DISK),
                item("storage", "stagecraft-data-disk (pd-ssd)", rg, 50, "GB", GCP_DATA_DISK_50),
                item("storage", "stagecraft-data-disk snapshots", rg, 50, "GB", GCP_SNAPSHOTS_50),
                item("network", "stagecraft-host-ip static IP", rg, 1, "address", PUBLIC_IP)), r.graphCost(), SINGLE_VM_GCP_TOTAL);
    }

    @Test
    void singleVmOnAws() {
        OfflinePlanner.Result r = Plans.of("stacks/single-vm-aws.yaml");
        String rg = "us-east-1";
        assertItems(List.of(
                item("compute", "server t3.large", rg, 1, "instance", T3_LARGE),
                item("storage", "boot disk (ebs-gp3)", rg, 30, "GB", AWS_ROOT_VOLUME),
                item("storage", "data disk (ebs-gp3)", rg, 50, "GB", AWS_DATA_VOLUME_50),
                item("storage", "data disk snapshots", rg, 50, "GB", AWS_SNAPSHOTS_50),
                item("network", "static public IP", rg, 1, "address", PUBLIC_IP)), r.plan().cost(), SINGLE_VM_AWS_TOTAL);
        assertItems(List.of(
                item("compute", "stagecraft-host-vm t3.large", rg, 1, "instance", T3_LARGE),
                item("storage", "stagecraft-host-vm root volume (ebs-gp3)", rg, 30, "GB", AWS_ROOT_VOLUME),
                item("storage", "stagecraft-data-volume (ebs-gp3)", rg, 50, "GB", AWS_DATA_VOLUME_50),
                item("storage", "stagecraft-data-volume snapshots", rg, 50, "GB", AWS_SNAPSHOTS_50),
                item("network", "stagecraft-host-ip Elastic IP", rg, 1, "address", PUBLIC_IP)), r.graphCost(), SINGLE_VM_AWS_TOTAL);
    }

    @Test
    void verticalOnGcp() {
        OfflinePlanner.Result r = Plans.of("stacks/vertical.yaml");
        String rg = "us-central1";
        assertItems(List.of(
                item("compute", "server n2-standard-4", rg, 1, "instance", N2_STANDARD_4),
                item("storage", "boot disk (pd-balanced)", rg, 30, "GB", GCP_BOOT_DISK),
                item("storage", "data disk (pd-ssd)", rg, 220, "GB", GCP_DATA_DISK_220),
                item("storage", "data disk snapshots", rg, 220, "GB", GCP_SNAPSHOTS_220),
                item("network", "static public IP", rg, 1, "address", PUBLIC_IP)), r.plan().cost(), VERTICAL_TOTAL);
        assertItems(List.of(
                item("compute", "stagecraft-host-vm n2-standard-4", rg, 1, "instance", N2_STANDARD_4),
                item("storage", "stagecraft-host-vm boot disk (pd-balanced)", rg, 30, "GB", GCP_BOOT_DISK),
                item("storage", "stagecraft-data-disk (pd-ssd)", rg, 220, "GB", GCP_DATA_DISK_220),
                item("storage", "stagecraft-data-disk snapshots", rg, 220, "GB", GCP_SNAPSHOTS_220),
                item("network", "stagecraft-host-ip static IP", rg, 1, "address", PUBLIC_IP)), r.graphCost(), VERTICAL_TOTAL);
    }

    /** The sizing plan's lines of the horizontal GCP stage, without the edge. */
    private static List<LineItem> horizontalGcpPlan(String rg) {
        return List.of(
                item("compute", "api pool n2-highcpu-2", rg, 6, "instance", GCP_API_POOL),
                item("storage", "api pool boot disks (pd-balanced)", rg, 180, "GB", GCP_API_BOOT_DISKS),
                item("compute", "websocket pool n2-highcpu-2", rg, 2, "instance", GCP_WS_POOL),
                item("storage", "websocket pool boot disks (pd-balanced)", rg, 60, "GB", GCP_WS_BOOT_DISKS),
                item("network", "load balancer forwarding rules (first five)", rg, 1, "block", FORWARDING_RULES),
                item("network", "Cloud NAT", rg, 8, "VM", CLOUD_NAT_8),
                item("network", "Cloud Armor policy", rg, 1, "policy", ARMOR_POLICY),
                item("network", "Cloud Armor rules", rg, 2, "rule", ARMOR_RULES_2),
                item("platform", "Secret Manager (database password, Redis AUTH)", rg, 2, "secret", 2 * SECRET_VERSION),
                item("database", "Postgres primary db-custom-2-7680 (HA)", rg, 1, "instance", CLOUD_SQL_PRIMARY_HA),
                item("database", "Postgres primary storage 280 GB (HA, billed twice)", rg, 560, "GB", CLOUD_SQL_PRIMARY_STORAGE),
                item("database", "Postgres primary backups", rg, 280, "GB", CLOUD_SQL_BACKUPS),
                item("database", "Postgres read replica 1 db-custom-2-7680", rg, 1, "instance", CLOUD_SQL_REPLICA),
                item("database", "Postgres read replica 1 storage 280 GB", rg, 280, "GB", CLOUD_SQL_REPLICA_STORAGE),
                item("cache", "Redis STANDARD 4 GB", rg, 4, "GB", MEMORYSTORE_STANDARD_4),
                item("storage", "media bucket (GCS Standard)", rg, 400, "GB", GCS_400));
    }

    /** The graph's lines of the horizontal GCP stage, without the edge; {@code armorRules} rules in the policy. */
    private static List<LineItem> horizontalGcpGraph(String rg, int armorRules) {
        return List.of(
                item("network", "stagecraft-armor-policy Cloud Armor policy", rg, 1, "policy", ARMOR_POLICY),
                item("network", "stagecraft-armor-policy Cloud Armor rules", rg, armorRules, "rule", armorRules * 1.00),
                item("compute", "stagecraft-api-group n2-highcpu-2", rg, 6, "instance", GCP_API_POOL),
                item("storage", "stagecraft-api-group boot disks (pd-balanced)", rg, 180, "GB", GCP_API_BOOT_DISKS),
                item("compute", "stagecraft-websocket-group n2-highcpu-2", rg, 2, "instance", GCP_WS_POOL),
                item("storage", "stagecraft-websocket-group boot disks (pd-balanced)", rg, 60, "GB", GCP_WS_BOOT_DISKS),
                item("network", "stagecraft-net-nat Cloud NAT", rg, 8, "VM", CLOUD_NAT_8),
                item("database", "stagecraft-sql-primary db-custom-2-7680 (HA)", rg, 1, "instance", CLOUD_SQL_PRIMARY_HA),
                item("database", "stagecraft-sql-primary storage (HA, billed twice)", rg, 560, "GB", CLOUD_SQL_PRIMARY_STORAGE),
                item("database", "stagecraft-sql-primary backups", rg, 280, "GB", CLOUD_SQL_BACKUPS),
                item("database", "stagecraft-sql-replica-1 db-custom-2-7680", rg, 1, "instance", CLOUD_SQL_REPLICA),
                item("database", "stagecraft-sql-replica-1 storage", rg, 280, "GB", CLOUD_SQL_REPLICA_STORAGE),
                item("cache", "stagecraft-redis-instance STANDARD 4 GB", rg, 4, "GB", MEMORYSTORE_STANDARD_4),
                item("platform", "stagecraft-db-password-version Secret Manager version", rg, 1, "secret", SECRET_VERSION),
                item("platform", "stagecraft-redis-auth-version Secret Manager version", rg, 1, "secret", SECRET_VERSION),
                item("storage", "stagecraft-assets-bucket (GCS Standard, expected media)", rg, 400, "GB", GCS_400),
                item("network", "load balancer forwarding rules (first five)", rg, 1, "block", FORWARDING_RULES));
    }

    @Test
    void horizontalOnGcp() {
        OfflinePlanner.Result r = Plans.of("stacks/horizontal.yaml");
        assertItems(horizontalGcpPlan("europe-west1"), r.plan().cost(), HORIZONTAL_GCP_TOTAL);
        assertItems(horizontalGcpGraph("europe-west1", 2), r.graphCost(), HORIZONTAL_GCP_TOTAL);
    }

    @Test
    void horizontalOnAws() {
        OfflinePlanner.Result r = Plans.of("stacks/horizontal-aws.yaml");
        String rg = "us-east-1";
        assertItems(List.of(
                item("compute", "api pool c5.large", rg, 6, "instance", AWS_API_POOL),
                item("storage", "api pool boot disks (ebs-gp3)", rg, 180, "GB", AWS_API_ROOT_VOLUMES),
                item("compute", "websocket pool c5.large", rg, 2, "instance", AWS_WS_POOL),
                item("storage", "websocket pool boot disks (ebs-gp3)", rg, 60, "GB", AWS_WS_ROOT_VOLUMES),
                item("network", "application load balancer", rg, 1, "ALB", ALB),
                item("network", "load balancer public IPv4 addresses", rg, 2, "address", TWO_PUBLIC_IPS),
                item("network", "NAT gateways", rg, 2, "gateway", 2 * NAT_GATEWAY),
                item("network", "NAT gateway Elastic IPs", rg, 2, "address", TWO_PUBLIC_IPS),
                item("network", "WAF web ACL", rg, 1, "ACL", WAF_ACL),
                item("network", "WAF rules", rg, 2, "rule", WAF_RULES),
                item("platform", "Secrets Manager (database password, Redis AUTH)", rg, 2, "secret", 2 * SECRETS_MANAGER_SECRET),
                item("database", "Postgres primary db.t3.large (HA)", rg, 1, "instance", RDS_PRIMARY_MULTI_AZ),
                item("database", "Postgres primary storage 280 GB (HA, billed twice)", rg, 560, "GB", RDS_PRIMARY_STORAGE),
                item("database", "Postgres primary backups", rg, 280, "GB", RDS_BACKUPS),
                item("database", "Postgres read replica 1 db.t3.large", rg, 1, "instance", RDS_REPLICA),
                item("database", "Postgres read replica 1 storage 280 GB", rg, 280, "GB", RDS_REPLICA_STORAGE),
                item("database", "Postgres read replica 2 db.t3.large", rg, 1, "instance", RDS_REPLICA),
                item("database", "Postgres read replica 2 storage 280 GB", rg, 280, "GB", RDS_REPLICA_STORAGE),
                item("cache", "Redis cache.r5.large", rg, 2, "node", ELASTICACHE_2_R5_LARGE),
                item("storage", "media bucket (S3 Standard)", rg, 250, "GB", S3_250)), r.plan().cost(), HORIZONTAL_AWS_TOTAL);
        assertItems(List.of(
                item("compute", "stagecraft-api-group c5.large", rg, 6, "instance", AWS_API_POOL),
                item("storage", "stagecraft-api-group root volumes (ebs-gp3)", rg, 180, "GB", AWS_API_ROOT_VOLUMES),
                item("compute", "stagecraft-websocket-group c5.large", rg, 2, "instance", AWS_WS_POOL),
                item("storage", "stagecraft-websocket-group root volumes (ebs-gp3)", rg, 60, "GB", AWS_WS_ROOT_VOLUMES),
                item("network", "stagecraft-lb-alb application load balancer", rg, 1, "ALB", ALB),
                item("network", "stagecraft-lb-alb public IPv4 addresses", rg, 2, "address", TWO_PUBLIC_IPS),
                item("database", "stagecraft-sql-primary db.t3.large (HA)", rg, 1, "instance", RDS_PRIMARY_MULTI_AZ),
                item("database", "stagecraft-sql-primary storage (HA, billed twice)", rg, 560, "GB", RDS_PRIMARY_STORAGE),
                item("database", "stagecraft-sql-primary backups", rg, 280, "GB", RDS_BACKUPS),
                item("database", "stagecraft-sql-replica-1 db.t3.large", rg, 1, "instance", RDS_REPLICA),
                item("database", "stagecraft-sql-replica-1 storage", rg, 280, "GB", RDS_REPLICA_STORAGE),
                item("database", "stagecraft-sql-replica-2 db.t3.large", rg, 1, "instance", RDS_REPLICA),
                item("database", "stagecraft-sql-replica-2 storage", rg, 280, "GB", RDS_REPLICA_STORAGE),
                item("network", "stagecraft-net-nat-ip-a Elastic IP", rg, 1, "address", PUBLIC_IP),
                item("network", "stagecraft-net-nat-ip-b Elastic IP", rg, 1, "address", PUBLIC_IP),
                item("network", "stagecraft-net-nat-a NAT gateway", rg, 1, "gateway", NAT_GATEWAY),
                item("network", "stagecraft-net-nat-b NAT gateway", rg, 1, "gateway", NAT_GATEWAY),
                item("cache", "stagecraft-redis-group cache.r5.large", rg, 2, "node", ELASTICACHE_2_R5_LARGE),
                item("platform", "stagecraft-db-password-secret Secrets Manager secret", rg, 1, "secret", SECRETS_MANAGER_SECRET),
                item("platform", "stagecraft-redis-auth-secret Secrets Manager secret", rg, 1, "secret", SECRETS_MANAGER_SECRET),
                item("storage", "stagecraft-assets-bucket (S3 Standard, expected media)", rg, 250, "GB", S3_250),
                item("network", "stagecraft-waf-acl WAF web ACL", rg, 1, "ACL", WAF_ACL),
                item("network", "stagecraft-waf-acl WAF rules", rg, 2, "rule", WAF_RULES)), r.graphCost(), HORIZONTAL_AWS_TOTAL);
    }

    @Test
    void singleVmOnGcpBehindTheEdge() {
        OfflinePlanner.Result r = Plans.of("stacks/single-vm-edge.yaml");
        String rg = "us-central1";
        LineItem plan = item("edge", "Cloudflare Pro plan", "global", 1, "zone", CLOUDFLARE_PRO);
        assertItems(List.of(
                item("compute", "server e2-standard-2", rg, 1, "instance", E2_STANDARD_2),
                item("storage", "boot disk (pd-balanced)", rg, 30, "GB", GCP_BOOT_DISK),
                item("storage", "data disk (pd-ssd)", rg, 50, "GB", GCP_DATA_DISK_50),
                item("storage", "data disk snapshots", rg, 50, "GB", GCP_SNAPSHOTS_50),
                item("network", "static public IP", rg, 1, "address", PUBLIC_IP), plan), r.plan().cost(), SINGLE_VM_EDGE_TOTAL);
        assertItems(List.of(
                item("compute", "stagecraft-host-vm e2-standard-2", rg, 1, "instance", E2_STANDARD_2),
                item("storage", "stagecraft-host-vm boot disk (pd-balanced)", rg, 30, "GB", GCP_BOOT_DISK),
                item("storage", "stagecraft-data-disk (pd-ssd)", rg, 50, "GB", GCP_DATA_DISK_50),
                item("storage", "stagecraft-data-disk snapshots", rg, 50, "GB", GCP_SNAPSHOTS_50),
                item("network", "stagecraft-host-ip static IP", rg, 1, "address", PUBLIC_IP), plan), r.graphCost(),
                SINGLE_VM_EDGE_TOTAL);
    }

    @Test
    void horizontalOnGcpBehindTheEdge() {
        OfflinePlanner.Result r = Plans.of("stacks/horizontal-edge.yaml");
        String rg = "europe-west1";
        LineItem plan = item("edge", "Cloudflare Pro plan", "global", 1, "zone", CLOUDFLARE_PRO);
        List<LineItem> planned = new ArrayList<>(horizontalGcpPlan(rg));
        planned.add(plan);
        planned.add(item("network", "Cloud Armor rule admitting the edge's ranges", rg, 1, "rule", ARMOR_EDGE_RULE));
        assertItems(planned, r.plan().cost(), HORIZONTAL_EDGE_TOTAL);
        List<LineItem> graph = new ArrayList<>(horizontalGcpGraph(rg, 3));
        graph.add(plan);
        assertItems(graph, r.graphCost(), HORIZONTAL_EDGE_TOTAL);
    }

    /**
     * The same lines (compared by category, item, region, quantity and unit; amounts to a millionth of a dollar), in any
     * order, and the total.
     */
    // ------------------------------------------------------------------ enterprise, GCP, 25,000 users at 99.95%
    // two regions (us-central1 primary, europe-west1), each sized for 75% of the load (its half plus half of the other's)
    // database disk: 25,000 x 0.05 = 1,250 GB x 1.10 free space = 1,375 GB, rounded up to 1,380 GB
    // cache per region: (2,000 x 1 MB + 23,000 x 0.375 MB + 12,500 websockets x 0.01 MB) = 10,750 MB = 10.498 GB,
    //   x 0.75 = 7.87 GB, in whole GB: 8 GB, STANDARD (the 5-10 GB band, $0.054/GB-hour)
    /** 4 x n2-highcpu-16 at $0.573568/h x 730 h = $1,674.81856 (us-central1) */
    private static final double NODES_US = 1674.81856;
    /** 4 x n2-highcpu-16 at $0.630944/h x 730 h = $1,842.35648 (europe-west1) */
    private static final double NODES_EU = 1842.35648;
    /** 4 x 30 GB pd-balanced = 120 GB x $0.10 = $12.00 */
    private static final double NODE_BOOT_DISKS = 12.00;
    /** GKE cluster management fee $0.10/h x 730 h = $73.00 */
    private static final double GKE_FEE = 73.00;
    /** Cloud NAT for 4 VMs: 4 x $0.0014/h x 730 h = $4.088 */
    private static final double CLOUD_NAT_4 = 4.088;
    /** the database password replicated in 2 regions and one Redis AUTH string per region: 4 x $0.06 */
    private static final double SECRET_VERSIONS_4 = 0.24;
    /** db-custom-8-30720 $0.5404/h x 730 h x 2 (HA) = $788.984 */
    private static final double SHARD_PRIMARY_HA = 788.984;
    /** 1,380 GB x 2 (HA) = 2,760 GB x $0.17 = $469.20 */
    private static final double SHARD_PRIMARY_STORAGE = 469.20;
    /** 1,380 GB x $0.08 = $110.40 */
    private static final double SHARD_BACKUPS = 110.40;
    /** the cross-region replica: db-custom-8-30720 $0.5404/h x 730 h = $394.492 */
    private static final double SHARD_REPLICA = 394.492;
    /** 1,380 GB x $0.17 = $234.60 */
    private static final double SHARD_REPLICA_STORAGE = 234.60;
    /** 8 GB x $0.054/GB-hour x 730 h = $315.36 */
    private static final double MEMORYSTORE_STANDARD_8 = 315.36;
    /** media 25,000 x 0.05 = 1,250 GB in a US multi-region bucket x $0.026 = $32.50 */
    private static final double GCS_MULTI_REGION_1250 = 32.50;
    /** Cloudflare Load Balancing with its 2 included origins $5.00, and geo steering $10.00 */
    private static final double CLOUDFLARE_LB = 5.00;
    private static final double CLOUDFLARE_GEO = 10.00;
    /**
     * 1674.81856 + 1842.35648 + 2 x 12.00 + 2 x 73.00 + 2 x 4.088 + 18.25 (forwarding rules) + 5.00 + 2.00 + 1.00
     * (Cloud Armor policy, rules, edge rule) + 0.24 + 788.984 + 469.20 + 110.40 + 394.492 + 234.60 + 2 x 315.36 + 32.50
     * + 20.00 + 5.00 + 10.00
     */
    private static final double ENTERPRISE_TOTAL = 6417.73704;

    @Test
    void enterpriseOnGcp() {
        OfflinePlanner.Result r = Plans.of("stacks/enterprise.yaml");
        String us = "us-central1";
        String eu = "europe-west1";
        List<LineItem> edge = List.of(
                item("edge", "Cloudflare Pro plan", "global", 1, "zone", CLOUDFLARE_PRO),
                item("edge", "Cloudflare Load Balancing (2 origins included)", "global", 1, "subscription", CLOUDFLARE_LB),
                item("edge", "Cloudflare Load Balancing geo steering", "global", 1, "add-on", CLOUDFLARE_GEO));
        List<LineItem> plan = new ArrayList<>(List.of(
                item("compute", "nodes us-central1 n2-highcpu-16", us, 4, "instance", NODES_US),
                item("storage", "nodes boot disks (pd-balanced)", us, 120, "GB", NODE_BOOT_DISKS),
                item("compute", "nodes europe-west1 n2-highcpu-16", eu, 4, "instance", NODES_EU),
                item("storage", "nodes boot disks (pd-balanced)", eu, 120, "GB", NODE_BOOT_DISKS),
                item("platform", "GKE cluster fee", us, 1, "cluster", GKE_FEE),
                item("platform", "GKE cluster fee", eu, 1, "cluster", GKE_FEE),
                item("network", "Cloud NAT", us, 4, "VM", CLOUD_NAT_4),
                item("network", "Cloud NAT", eu, 4, "VM", CLOUD_NAT_4),
                item("network", "load balancer forwarding rules (first five)", us, 1, "block", FORWARDING_RULES),
                item("network", "Cloud Armor policy", us, 1, "policy", ARMOR_POLICY),
                item("network", "Cloud Armor rules", us, 2, "rule", ARMOR_RULES_2),
                item("network", "Cloud Armor rule admitting the edge's ranges", us, 1, "rule", ARMOR_EDGE_RULE),
                item("platform", "Secret Manager (database password in each region, Redis AUTH per region)", us, 4,
                        "secret", SECRET_VERSIONS_4),
                item("database", "Postgres primary db-custom-8-30720 (HA)", us, 1, "instance", SHARD_PRIMARY_HA),
                item("database", "Postgres primary storage 1380 GB (HA, billed twice)", us, 2760, "GB", SHARD_PRIMARY_STORAGE),
                item("database", "Postgres primary backups", us, 1380, "GB", SHARD_BACKUPS),
                item("database", "Postgres read replica 1 db-custom-8-30720", eu, 1, "instance", SHARD_REPLICA),
                item("database", "Postgres read replica 1 storage 1380 GB", eu, 1380, "GB", SHARD_REPLICA_STORAGE),
                item("cache", "Redis STANDARD 8 GB", us, 8, "GB", MEMORYSTORE_STANDARD_8),
                item("cache", "Redis STANDARD 8 GB", eu, 8, "GB", MEMORYSTORE_STANDARD_8),
                item("storage", "media bucket (GCS multi-region Standard)", us, 1250, "GB", GCS_MULTI_REGION_1250)));
        plan.addAll(edge);
        assertItems(plan, r.plan().cost(), ENTERPRISE_TOTAL);
        String usPool = "stagecraft-gke-us-central1-general-n2-highcpu-16-pool";
        String euPool = "stagecraft-gke-europe-west1-general-n2-highcpu-16-pool";
        List<LineItem> graph = new ArrayList<>(List.of(
                item("network", "stagecraft-armor-policy Cloud Armor policy", us, 1, "policy", ARMOR_POLICY),
                item("network", "stagecraft-armor-policy Cloud Armor rules", us, 3, "rule", ARMOR_RULES_2 + ARMOR_EDGE_RULE),
                item("platform", "stagecraft-gke-us-central1-cluster GKE cluster fee", us, 1, "cluster", GKE_FEE),
                item("platform", "stagecraft-gke-europe-west1-cluster GKE cluster fee", eu, 1, "cluster", GKE_FEE),
                item("compute", usPool + " n2-highcpu-16", us, 4, "instance", NODES_US),
                item("storage", usPool + " boot disks (pd-balanced)", us, 120, "GB", NODE_BOOT_DISKS),
                item("compute", euPool + " n2-highcpu-16", eu, 4, "instance", NODES_EU),
                item("storage", euPool + " boot disks (pd-balanced)", eu, 120, "GB", NODE_BOOT_DISKS),
                item("network", "stagecraft-net-nat-us-central1 Cloud NAT", us, 4, "VM", CLOUD_NAT_4),
                item("network", "stagecraft-net-nat-europe-west1 Cloud NAT", eu, 4, "VM", CLOUD_NAT_4),
                item("database", "stagecraft-sql-primary db-custom-8-30720 (HA)", us, 1, "instance", SHARD_PRIMARY_HA),
                item("database", "stagecraft-sql-primary storage (HA, billed twice)", us, 2760, "GB", SHARD_PRIMARY_STORAGE),
                item("database", "stagecraft-sql-primary backups", us, 1380, "GB", SHARD_BACKUPS),
                item("database", "stagecraft-sql-replica-1 db-custom-8-30720", eu, 1, "instance", SHARD_REPLICA),
                item("database", "stagecraft-sql-replica-1 storage", eu, 1380, "GB", SHARD_REPLICA_STORAGE),
                item("cache", "stagecraft-redis-us-central1-instance STANDARD 8 GB", us, 8, "GB", MEMORYSTORE_STANDARD_8),
                item("cache", "stagecraft-redis-europe-west1-instance STANDARD 8 GB", eu, 8, "GB", MEMORYSTORE_STANDARD_8),
                // the Redis AUTH versions are billed where Secret Manager keeps the stack's secrets (listed in us-central1)
                item("platform", "stagecraft-redis-auth-us-central1-version Secret Manager version", us, 1, "secret", 0.06),
                item("platform", "stagecraft-redis-auth-europe-west1-version Secret Manager version", us, 1, "secret", 0.06),
                item("platform", "stagecraft-sql-password-version Secret Manager version", us, 2, "secret", 0.12),
                item("storage", "stagecraft-assets-bucket (GCS multi-region Standard, expected media)", us, 1250, "GB",
                        GCS_MULTI_REGION_1250),
                item("network", "load balancer forwarding rules (first five)", us, 1, "block", FORWARDING_RULES)));
        graph.addAll(edge);
        assertItems(graph, r.graphCost(), ENTERPRISE_TOTAL);
    }

    private static void assertItems(List<LineItem> expected, CostBreakdown actual, double expectedTotal) {
        Comparator<LineItem> byName = Comparator.comparing(LineItem::category).thenComparing(LineItem::item);
        List<LineItem> want = expected.stream().sorted(byName).toList();
        List<LineItem> got = actual.items().stream().sorted(byName).toList();
        assertEquals(rows(want), rows(got), "the line items");
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).monthlyUsd(), got.get(i).monthlyUsd(), EXACT, want.get(i).item());
        }
        assertEquals(expectedTotal, want.stream().mapToDouble(LineItem::monthlyUsd).sum(), EXACT,
                "the hand-worked total is the sum of the hand-worked lines");
        assertEquals(expectedTotal, actual.monthlyTotal(), EXACT, "the total");
    }

    /** Lines without their amounts, which are compared with a tolerance. */
    private static List<String> rows(List<LineItem> items) {
        return items.stream().map(i -> i.category() + " | " + i.item() + " | " + i.region() + " | " + i.quantity() + " "
                + i.unit()).toList();
    }
}
