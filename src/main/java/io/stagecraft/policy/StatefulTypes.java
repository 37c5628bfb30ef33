package io.stagecraft.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types that hold data, which the data-safety rules protect, each with the input that carries its
 * storage size when it has one (for the never-shrink rule). Extend it as stages add stateful services, e.g.
 * {@code StatefulTypes.defaults().with("aws:rds/instance:Instance", "allocatedStorage")},
 * {@code .with("aws:elasticache/replicationGroup:ReplicationGroup")}, {@code .with("aws:s3/bucketV2:BucketV2")},
 * and build the pack with {@link PolicyPack#standard(StatefulTypes)}.
 */
public final class StatefulTypes {
    private final Map<String, String> sizeInputs;

    private StatefulTypes(Map<String, String> sizeInputs) {
        this.sizeInputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sizeInputs));
    }

    /** What the stages create today: GCE disks, Cloud SQL instances and databases, Memorystore, buckets, EBS volumes. */
    public static StatefulTypes defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ResourceTypes.DISK, "size");
        m.put(ResourceTypes.SQL_INSTANCE, "settings.diskSize");
        m.put(ResourceTypes.SQL_DATABASE, "");
        m.put(ResourceTypes.REDIS, "");
        m.put(ResourceTypes.BUCKET, "");
        m.put(ResourceTypes.EBS_VOLUME, "size");
        return new StatefulTypes(m);
    }

    /** Another stateful type without a size input. */
    public StatefulTypes with(String type) {
        return with(type, "");
    }

    /** Another stateful type whose storage size (GB) is the given input path. */
    public StatefulTypes with(String type, String sizeInput) {
        Map<String, String> m = new LinkedHashMap<>(sizeInputs);
        m.put(type, sizeInput == null ? "" : sizeInput);
        return new StatefulTypes(m);
    }

    public List<String> types() {
        return List.copyOf(sizeInputs.keySet());
    }

    public boolean contains(String type) {
        return sizeInputs.containsKey(type);
    }

    /** The input path of the type's storage size in GB, if it has one. */
    public Optional<String> sizeInput(String type) {
        String path = sizeInputs.get(type);
        return path == null || path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    /** The types that have a size input. */
    public List<String> sizedTypes() {
        return sizeInputs.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }
}
