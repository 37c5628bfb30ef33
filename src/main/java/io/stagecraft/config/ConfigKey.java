package io.stagecraft.config;

import java.util.Arrays;
import java.util.Optional;

/** Every {@code stagecraft:*} setting, with what it means and its default. The README's table mirrors this list. */
public enum ConfigKey {
    USERS("users", "peak concurrent users (one of users, dailyActiveUsers, monthlyRequests)", null),
    DAILY_ACTIVE_USERS("dailyActiveUsers", "daily active users; peak concurrent = DAU x 0.2", null),
    MONTHLY_REQUESTS("monthlyRequests", "requests per month; peak req/s = monthly / 2,628,000 s x 3", null),
    CLOUD("cloud", "gcp | aws", null),
    REGION("region", "region to deploy in (falls back to gcp:region / aws:region)", null),
    REGIONS("regions", "regions, primary first, as a list or comma-separated (enterprise stage)", null),
    AVAILABILITY("availability", "availability target in percent, 90 to 99.999", "99.5"),
    REQUESTS_PER_USER_PER_SECOND("requestsPerUserPerSecond", "peak requests per second per concurrent user", "0.1"),
    WEBSOCKET_SHARE("websocketShare", "share of users holding a websocket, 0 to 1", "0.5"),
    DB_QUERIES_PER_REQUEST("dbQueriesPerRequest", "database queries per request", "2"),
    READ_SHARE("readShare", "share of queries that are reads, 0 to 1", "0.8"),
    MEDIA_STORAGE_GB("mediaStorageGb", "media to store, GB", "0.05 GB per user"),
    GPU("gpu", "AI/vector workload needing a GPU: true | false", "false"),
    STAGE("stage", "force a stage: single-vm | vertical | horizontal | enterprise", "from the load"),
    VM_TYPE("vmType", "pin the single VM's type", "cheapest that fits"),
    API_TYPE("apiType", "pin the API pool's type", "cheapest that fits"),
    WEBSOCKET_TYPE("websocketType", "pin the websocket pool's type", "cheapest that fits"),
    GPU_TYPE("gpuType", "pin the GPU type", "cheapest that fits"),
    NODE_TYPE("nodeType", "pin the Kubernetes node type", "cheapest that fits"),
    DB_TIER("dbTier", "pin the managed Postgres tier", "cheapest that fits"),
    CACHE_TIER("cacheTier", "pin the Redis tier (GCP: BASIC | STANDARD; AWS: node type)", "from the availability target"),
    ENVIRONMENT("environment", "dev | staging | prod; prod protects stateful resources", "the stack name if one of these, else dev"),
    PROTECT("protect", "protect stateful resources from deletion: true | false", "true in prod"),
    SSH_SOURCE_RANGES("sshSourceRanges", "CIDRs allowed to reach SSH (never 0.0.0.0/0)", "GCP: IAP only; AWS: none (use SSM)"),
    DOMAINS("domains", "domain names for the managed TLS certificate, list or comma-separated", "none"),
    ALERT_EMAIL("alertEmail", "address alert notifications go to", "none"),
    APP_IMAGE("appImage", "container image of the application", "nginxdemos/hello:plain-text"),
    APP_PORT("appPort", "port the application container listens on", "80"),
    DB_PASSWORD("dbPassword", "database password; must be a Pulumi secret", "none");

    public static final String NAMESPACE = "stagecraft";

    private final String name;
    private final String meaning;
    private final String defaultValue;

    ConfigKey(String name, String meaning, String defaultValue) {
        this.name = name;
        this.meaning = meaning;
        this.defaultValue = defaultValue;
    }

    /** The key without its namespace, e.g. "users". */
    public String shortName() {
        return name;
    }

    /** The full key, e.g. "stagecraft:users". */
    public String key() {
        return NAMESPACE + ":" + name;
    }

    public String meaning() {
        return meaning;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public static Optional<ConfigKey> byShortName(String name) {
        return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
    }
}
