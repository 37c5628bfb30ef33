package io.stagecraft.diff;

import java.util.Map;
import java.util.Optional;

/**
 * The resource types that hold data a deletion or replacement loses: databases, disks, caches and buckets, on every
 * cloud Stagecraft provisions or sizes. The diff's data-risk section lists each one that would go.
 */
public final class StatefulTypes {
    /** What kind of store a type is, and what is lost with it. */
    public record Store(String kind, String loses) {
    }

    private static final String DATABASE = "its database contents (and, for a managed instance, its automated backups)";
    private static final String DISK = "everything on the disk (on a single VM: the Postgres data, Redis and media)";
    private static final String CACHE = "cached data, sessions and queued jobs held in Redis";
    private static final String BUCKET = "the stored objects (media uploads, assets)";

    private static final Map<String, Store> STORES = Map.ofEntries(
            Map.entry("gcp:sql/databaseInstance:DatabaseInstance", new Store("Cloud SQL instance", DATABASE)),
            Map.entry("gcp:sql/database:Database", new Store("Cloud SQL database", DATABASE)),
            Map.entry("gcp:compute/disk:Disk", new Store("persistent disk", DISK)),
            Map.entry("gcp:redis/instance:Instance", new Store("Memorystore Redis", CACHE)),
            Map.entry("gcp:storage/bucket:Bucket", new Store("Cloud Storage bucket", BUCKET)),
            Map.entry("aws:ebs/volume:Volume", new Store("EBS volume", DISK)),
            Map.entry("aws:rds/instance:Instance", new Store("RDS instance", DATABASE)),
            Map.entry("aws:rds/cluster:Cluster", new Store("Aurora cluster", DATABASE)),
            Map.entry("aws:elasticache/replicationGroup:ReplicationGroup", new Store("ElastiCache replication group", CACHE)),
            Map.entry("aws:elasticache/cluster:Cluster", new Store("ElastiCache cluster", CACHE)),
            Map.entry("aws:s3/bucketV2:BucketV2", new Store("S3 bucket", BUCKET)),
            Map.entry("aws:s3/bucket:Bucket", new Store("S3 bucket", BUCKET)),
            Map.entry("kubernetes:core/v1:PersistentVolumeClaim", new Store("Kubernetes volume claim", DISK)));

    private StatefulTypes() {
    }

    public static Optional<Store> of(String type) {
        return Optional.ofNullable(STORES.get(type));
    }

    public static boolean isStateful(String type) {
        return STORES.containsKey(type);
    }
}
