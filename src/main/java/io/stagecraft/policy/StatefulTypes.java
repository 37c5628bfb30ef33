package io.stagecraft.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types that hold data a deletion or replacement loses, on every cloud Stagecraft provisions: what kind
 * of store each is, what is lost with it, and the input that carries its storage size when it has one. The
 * data-safety rules protect these types (protect in prod, storage never shrinks), and the diff's data-risk section
 * lists each one a change would delete or replace. Extend it for a later service, e.g.
 * {@code StatefulTypes.defaults().with("gcp:filestore/instance:Instance", "fileShares.capacityGb")}, and build the
 * pack with {@link PolicyPack#standard(StatefulTypes)}.
 */
public final class StatefulTypes {
    /**
     * One stateful type.
     *
     * @param kind      what it is, in words ("Cloud SQL instance")
     * @param loses     what a deletion loses
     * @param sizeInput the input path of its storage size in GB, or empty when it has none
     */
    public record Store(String kind, String loses, String sizeInput) {
    }

    private static final String DATABASE = "its database contents (and, for a managed instance, its automated backups)";
    private static final String DISK = "everything on the disk (on a single VM: the Postgres data, Redis and media)";
    private static final String CACHE = "cached data, sessions and queued jobs held in Redis";
    private static final String BUCKET = "the stored objects (media uploads, assets)";
    private static final String QUEUE = "its undelivered messages (queued tasks, or dead letters kept for a look)";
    private static final StatefulTypes DEFAULTS = new StatefulTypes(Map.ofEntries(
            Map.entry(ResourceTypes.DISK, new Store("persistent disk", DISK, "size")),
            Map.entry(ResourceTypes.SQL_INSTANCE, new Store("Cloud SQL instance", DATABASE, "settings.diskSize")),
            Map.entry(ResourceTypes.SQL_DATABASE, new Store("Cloud SQL database", DATABASE, "")),
            Map.entry(ResourceTypes.REDIS, new Store("Memorystore Redis", CACHE, "")),
            Map.entry(ResourceTypes.BUCKET, new Store("Cloud Storage bucket", BUCKET, "")),
            Map.entry(ResourceTypes.PUBSUB_SUBSCRIPTION, new Store("Pub/Sub subscription", QUEUE, "")),
            Map.entry(ResourceTypes.EBS_VOLUME, new Store("EBS volume", DISK, "size")),
            Map.entry(ResourceTypes.RDS_INSTANCE, new Store("RDS instance", DATABASE, "allocatedStorage")),
            Map.entry("aws:rds/cluster:Cluster", new Store("Aurora cluster", DATABASE, "")),
            Map.entry(ResourceTypes.REPLICATION_GROUP,
                    new Store("ElastiCache replication group", CACHE, "")),
            Map.entry("aws:elasticache/cluster:Cluster", new Store("ElastiCache cluster", CACHE, "")),
            Map.entry(ResourceTypes.S3_BUCKET, new Store("S3 bucket", BUCKET, "")),
            Map.entry("aws:s3/bucket:Bucket", new Store("S3 bucket", BUCKET, "")),
            Map.entry("kubernetes:core/v1:PersistentVolumeClaim", new Store("Kubernetes volume claim", DISK, ""))));

    private final Map<String, Store> stores;

    private StatefulTypes(Map<String, Store> stores) {
        this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
    }

    /** What the stages create or size today, on GCP, AWS and Kubernetes. */
    public static StatefulTypes defaults() {
        return DEFAULTS;
    }

    /** Another stateful type without a size input. */
    public StatefulTypes with(String type) {
        return with(type, "");
    }

    /** Another stateful type whose storage size (GB) is the given input path. */
    public StatefulTypes with(String type, String sizeInput) {
        Map<String, Store> m = new LinkedHashMap<>(stores);
        m.put(type, new Store(type, "the data it holds", sizeInput == null ? "" : sizeInput));
        return new StatefulTypes(m);
    }

    public List<String> types() {
        return stores.keySet().stream().sorted().toList();
    }

    public boolean contains(String type) {
        return stores.containsKey(type);
    }

    public Optional<Store> store(String type) {
        return Optional.ofNullable(stores.get(type));
    }

    /** The input path of the type's storage size in GB, if it has one. */
    public Optional<String> sizeInput(String type) {
        return store(type).map(Store::sizeInput).filter(p -> !p.isEmpty());
    }

    /** The types that have a size input. */
    public List<String> sizedTypes() {
        return types().stream().filter(t -> sizeInput(t).isPresent()).toList();
    }
}
