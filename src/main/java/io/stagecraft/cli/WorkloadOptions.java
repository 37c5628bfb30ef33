package io.stagecraft.cli;

import io.stagecraft.config.ConfigKey;
import io.stagecraft.config.MapConfigSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Workload flags. They are turned into the same {@code stagecraft:*} settings a stack file holds, so flags and
 * files go through one validation and give the same errors.
 */
public final class WorkloadOptions {

    static final class Load {
        @Option(names = "--users", paramLabel = "N", description = "Peak concurrent users.")
        String users;
        @Option(names = "--dau", paramLabel = "N", description = "Daily active users (peak concurrent = DAU x 0.2).")
        String dau;
        @Option(names = "--monthly-requests", paramLabel = "N",
                description = "Requests per month (peak req/s = N / 2,628,000 s x 3).")
        String monthlyRequests;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Load load = new Load();

    @Option(names = "--cloud", paramLabel = "gcp|aws", defaultValue = "gcp", description = "Cloud (default: ${DEFAULT-VALUE}).")
    String cloud;
    @Option(names = "--region", paramLabel = "REGION",
            description = "Region (default: us-central1 on gcp, us-east-1 on aws).")
    String region;
    @Option(names = "--regions", paramLabel = "R1,R2", description = "Regions, primary first (enterprise stage).")
    String regions;
    @Option(names = "--availability", paramLabel = "PERCENT", description = "Availability target, e.g. 99.5, 99.9, 99.95 (default 99.5).")
    String availability;
    @Option(names = "--rps-per-user", paramLabel = "X", description = "Peak requests per second per concurrent user (default 0.1).")
    String rpsPerUser;
    @Option(names = "--websocket-share", paramLabel = "F", description = "Share of users holding a websocket, 0-1 (default 0.5).")
    String websocketShare;
    @Option(names = "--db-queries-per-request", paramLabel = "X", description = "Database queries per request (default 2).")
    String dbQueriesPerRequest;
    @Option(names = "--read-share", paramLabel = "F", description = "Share of queries that are reads, 0-1 (default 0.8).")
    String readShare;
    @Option(names = "--media-gb", paramLabel = "GB", description = "Media storage in GB (default 0.05 GB per user).")
    String mediaGb;
    @Option(names = "--gpu", description = "The workload runs AI/vector inference on a GPU.")
    boolean gpu;
    @Option(names = "--stage", paramLabel = "STAGE", description = "Force a stage: single-vm, vertical, horizontal, enterprise.")
    String stage;
    @Option(names = "--vm-type", paramLabel = "TYPE", description = "Pin the single VM's type.")
    String vmType;
    @Option(names = "--api-type", paramLabel = "TYPE", description = "Pin the API pool's type.")
    String apiType;
    @Option(names = "--websocket-type", paramLabel = "TYPE", description = "Pin the websocket pool's type.")
    String websocketType;
    @Option(names = "--gpu-type", paramLabel = "TYPE", description = "Pin the GPU type.")
    String gpuType;
    @Option(names = "--node-type", paramLabel = "TYPE", description = "Pin the Kubernetes node type.")
    String nodeType;
    @Option(names = "--db-tier", paramLabel = "TIER", description = "Pin the managed Postgres tier.")
    String dbTier;
    @Option(names = "--cache-tier", paramLabel = "TIER", description = "Pin the Redis tier (GCP: BASIC|STANDARD; AWS: node type).")
    String cacheTier;

    boolean loadGiven() {
        return load != null && (load.users != null || load.dau != null || load.monthlyRequests != null);
    }

    /** The flags as stack settings. {@code usersOverride} replaces the load (used by sweeps). */
    MapConfigSource toSource(String usersOverride) {
        Map<String, String> m = new LinkedHashMap<>();
        if (usersOverride != null) {
            put(m, ConfigKey.USERS, usersOverride);
        } else if (load != null) {
            put(m, ConfigKey.USERS, load.users);
            put(m, ConfigKey.DAILY_ACTIVE_USERS, load.dau);
            put(m, ConfigKey.MONTHLY_REQUESTS, load.monthlyRequests);
        }
        put(m, ConfigKey.CLOUD, cloud);
        if (region == null && regions == null) {
            put(m, ConfigKey.REGION, "aws".equalsIgnoreCase(cloud) ? "us-east-1" : "us-central1");
        }
        put(m, ConfigKey.REGION, region);
        put(m, ConfigKey.REGIONS, regions);
        put(m, ConfigKey.AVAILABILITY, availability);
        put(m, ConfigKey.REQUESTS_PER_USER_PER_SECOND, rpsPerUser);
        put(m, ConfigKey.WEBSOCKET_SHARE, websocketShare);
        put(m, ConfigKey.DB_QUERIES_PER_REQUEST, dbQueriesPerRequest);
        put(m, ConfigKey.READ_SHARE, readShare);
        put(m, ConfigKey.MEDIA_STORAGE_GB, mediaGb);
        put(m, ConfigKey.GPU, gpu ? "true" : null);
        put(m, ConfigKey.STAGE, stage);
        put(m, ConfigKey.VM_TYPE, vmType);
        put(m, ConfigKey.API_TYPE, apiType);
        put(m, ConfigKey.WEBSOCKET_TYPE, websocketType);
        put(m, ConfigKey.GPU_TYPE, gpuType);
        put(m, ConfigKey.NODE_TYPE, nodeType);
        put(m, ConfigKey.DB_TIER, dbTier);
        put(m, ConfigKey.CACHE_TIER, cacheTier);
        return new MapConfigSource(m, Set.of(), "cli");
    }

    private static void put(Map<String, String> m, ConfigKey key, String value) {
        if (value != null) {
            m.put(key.key(), value);
        }
    }
}
