package io.stagecraft.config;

import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Format;
import io.stagecraft.sizing.LoadInput;
import io.stagecraft.sizing.Tier;
import io.stagecraft.sizing.Workload;
import io.stagecraft.sizing.WorkloadField;
import io.stagecraft.sizing.WorkloadProfile;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every {@code stagecraft:*} setting, in one place: its key, what it means, its default, its limits, and the
 * command-line flag that sets it. The stack-file reader, the program, the CLI's flags and help, and the README's
 * table all come from this list; the sizing core knows none of these names.
 */
public enum Setting {
    USERS("users", Kind.WHOLE_NUMBER, "peak concurrent users (one of users, dailyActiveUsers, monthlyRequests)", null,
            1, Workload.MAX_CONCURRENT_USERS, "--users", "N"),
    DAILY_ACTIVE_USERS("dailyActiveUsers", Kind.WHOLE_NUMBER, "daily active users; peak concurrent = DAU x sessionsPerDay"
            + " x sessionMinutes / 1,440 x peakToAverage (" + Format.number(Math.round(new LoadInput(
                    LoadInput.Kind.DAILY_ACTIVE_USERS, 1000).concurrentUsers(WorkloadProfile.defaults())) / 10.0) // per 1,000 DAU, to one decimal
            + "% of DAU by default)", null,
            1, Workload.MAX_CONCURRENT_USERS * 100.0, "--dau", "N"),
    MONTHLY_REQUESTS("monthlyRequests", Kind.NUMBER, "requests per month; peak req/s = monthly / 2,628,000 s x"
            + " peakToAverage", null, 1, 1e15, "--monthly-requests", "N"),
    CLOUD("cloud", Kind.CHOICE, "gcp | aws", null, 0, 0, "--cloud", "gcp|aws"),
    REGION("region", Kind.TEXT, "region to deploy in (falls back to gcp:region / aws:region)", null, 0, 40,
            "--region", "REGION"),
    REGIONS("regions", Kind.LIST, "regions, primary first, as a list or comma-separated (enterprise stage)", null,
            0, 10, "--regions", "R1,R2"),
    AVAILABILITY("availability", Kind.NUMBER, "availability target in percent, "
            + Format.exact(Workload.MIN_AVAILABILITY) + " to " + Format.exact(Workload.MAX_AVAILABILITY),
            Format.exact(Workload.DEFAULT_AVAILABILITY), Workload.MIN_AVAILABILITY, Workload.MAX_AVAILABILITY,
            "--availability", "PERCENT"),
    REQUESTS_PER_USER_PER_SECOND("requestsPerUserPerSecond", Kind.NUMBER, "peak requests per second per concurrent user",
            Format.exact(WorkloadProfile.DEFAULT_REQUESTS_PER_USER_PER_SECOND), 0.0001, 100, "--rps-per-user", "X"),
    WEBSOCKET_SHARE("websocketShare", Kind.NUMBER, "share of users holding a websocket, 0 to 1",
            Format.exact(WorkloadProfile.DEFAULT_WEBSOCKET_SHARE), 0, 1, "--websocket-share", "F"),
    DB_QUERIES_PER_REQUEST("dbQueriesPerRequest", Kind.NUMBER, "database queries per request",
            Format.exact(WorkloadProfile.DEFAULT_DB_QUERIES_PER_REQUEST), 0, 1000, "--db-queries-per-request", "X"),
    READ_SHARE("readShare", Kind.NUMBER, "share of queries that are reads, 0 to 1",
            Format.exact(WorkloadProfile.DEFAULT_READ_SHARE), 0, 1, "--read-share", "F"),
    MEDIA_STORAGE_GB("mediaStorageGb", Kind.NUMBER, "media to store, GB",
            Format.exact(Coefficient.MEDIA_GB_PER_USER.defaultValue()) + " GB per user", 0, 1e7, "--media-gb", "GB"),
    SESSIONS_PER_DAY("sessionsPerDay", Kind.NUMBER, "sessions a daily active user has per day",
            Format.exact(WorkloadProfile.DEFAULT_SESSIONS_PER_DAY), 0.1, 100, "--sessions-per-day", "N"),
    SESSION_MINUTES("sessionMinutes", Kind.NUMBER, "minutes a session lasts", Format.exact(WorkloadProfile.DEFAULT_SESSION_MINUTES),
            0.1, 1440, "--session-minutes", "MIN"),
    PEAK_TO_AVERAGE("peakToAverage", Kind.NUMBER, "busiest hour's traffic over the day's average (about 1.7 for a"
            + " worldwide audience, 2.5-3 for one time zone)", Format.exact(WorkloadProfile.DEFAULT_PEAK_TO_AVERAGE), 1, 24,
            "--peak-to-average", "X"),
    GPU("gpu", Kind.BOOL, "AI/vector workload needing a GPU: true | false", "false", 0, 0, "--gpu", null),
    AI_WORKLOAD("aiWorkload", Kind.CHOICE, "what an AI request does on the GPU: retrieval (embed and rerank) | generation"
            + " (also a 7B model's answer)", "retrieval", 0, 0, "--ai-workload", "KIND"),
    AI_REQUESTS_PER_USER_PER_MINUTE("aiRequestsPerUserPerMinute", Kind.NUMBER, "AI requests a concurrent user sends per"
            + " minute", Format.exact(WorkloadProfile.DEFAULT_AI_REQUESTS_PER_USER_PER_MINUTE), 0.001, 60,
            "--ai-requests-per-minute", "N"),
    STAGE("stage", Kind.CHOICE, "force a stage: single-vm | vertical | horizontal | enterprise", "from the load", 0, 0,
            "--stage", "STAGE"),
    VM_TYPE("vmType", Kind.TEXT, "pin the single VM's type", "cheapest that fits", 0, 64, "--vm-type", "TYPE"),
    API_TYPE("apiType", Kind.TEXT, "pin the API pool's type", "cheapest that fits", 0, 64, "--api-type", "TYPE"),
    WEBSOCKET_TYPE("websocketType", Kind.TEXT, "pin the websocket pool's type", "cheapest that fits", 0, 64,
            "--websocket-type", "TYPE"),
    GPU_TYPE("gpuType", Kind.TEXT, "pin the GPU type", "cheapest that fits", 0, 64, "--gpu-type", "TYPE"),
    NODE_TYPE("nodeType", Kind.TEXT, "pin the Kubernetes node type", "cheapest that fits", 0, 64, "--node-type", "TYPE"),
    DB_TIER("dbTier", Kind.TEXT, "pin the managed Postgres tier", "cheapest that fits", 0, 64, "--db-tier", "TIER"),
    CACHE_TIER("cacheTier", Kind.TEXT, "pin the Redis tier (GCP: BASIC | STANDARD; AWS: node type)",
            "from the availability target", 0, 64, "--cache-tier", "TIER"),
    ENVIRONMENT("environment", Kind.CHOICE, "dev | staging | prod; prod protects stateful resources",
            "the stack name if one of these, else dev", 0, 0, null, null),
    PROTECT("protect", Kind.BOOL, "protect stateful resources from deletion: true | false", "true in prod", 0, 0, null, null),
    SSH_SOURCE_RANGES("sshSourceRanges", Kind.LIST, "CIDRs allowed to reach SSH; together at most a /16 of public"
            + " addresses, never the internet", "GCP: IAP only; AWS: none (use SSM)", 0, 32, null, null),
    KUBERNETES_API_RANGES("kubernetesApiRanges", Kind.LIST, "CIDRs allowed to reach the GKE control planes (where"
            + " Pulumi and kubectl run); together at most a /16 of public addresses; required for the enterprise stage",
            "none", 0, 32, null, null),
    DOMAINS("domains", Kind.LIST, "domain names the stage serves (its TLS certificate, and with an edge its proxied DNS"
            + " records), list or comma-separated (at most 100)", "none", 0, 100, null, null),
    EDGE("edge", Kind.CHOICE, "what stands in front of every stage: none | cloudflare (proxied DNS, TLS settings, cache"
            + " rules; the origin then admits web traffic from Cloudflare only)", "none", 0, 0, null, null),
    CLOUDFLARE_ZONE_ID("cloudflareZoneId", Kind.TEXT, "Cloudflare zone id of the domains, 32 lower-case hexadecimal"
            + " characters; required with edge cloudflare", "none", 0, 64, null, null),
    CLOUDFLARE_ACCOUNT_ID("cloudflareAccountId", Kind.TEXT, "Cloudflare account id, 32 lower-case hexadecimal characters;"
            + " required where Cloudflare load balancing is used (the enterprise stage with edge cloudflare)", "none",
            0, 64, null, null),
    ALERT_EMAIL("alertEmail", Kind.TEXT, "address alert notifications go to", "none", 0, 254, null, null),
    APP_IMAGE("appImage", Kind.TEXT, "container image of the application", "nginxdemos/hello:plain-text", 0, 512,
            null, null),
    APP_PORT("appPort", Kind.WHOLE_NUMBER, "port the application container listens on", "80", 1, 65535, null, null),
    DB_PASSWORD("dbPassword", Kind.SECRET, "database password; must be a Pulumi secret", "none", 8, 512, null, null),
    POLICY_WAIVERS("policyWaivers", Kind.LIST, "advisory policy rules waived for this stack, each \"rule-id: reason\""
            + " (docs/policies.md)", "none", 0, 50, null, null),
    RETIRE("retire", Kind.CHOICE, "after migrating its data, remove the single-vm | vertical stack kept as legacy since"
            + " a move up a stage (only the stage running as legacy)", "none: a legacy stack is kept", 0, 0, "--retire",
            "STAGE");

    public static final String NAMESPACE = "stagecraft";

    /** How a value is written. */
    public enum Kind {
        WHOLE_NUMBER, NUMBER, BOOL, TEXT, LIST, CHOICE, SECRET
    }

    private final String name;
    private final Kind kind;
    private final String meaning;
    private final String defaultShown;
    private final double min;
    private final double max;
    private final String flag;
    private final String flagLabel;

    Setting(String name, Kind kind, String meaning, String defaultShown, double min, double max, String flag,
            String flagLabel) {
        this.name = name;
        this.kind = kind;
        this.meaning = meaning;
        this.defaultShown = defaultShown;
        this.min = min;
        this.max = max;
        this.flag = flag;
        this.flagLabel = flagLabel;
    }

    /** The key without its namespace, e.g. "users". */
    public String shortName() {
        return name;
    }

    /** The full key, e.g. "stagecraft:users". */
    public String key() {
        return NAMESPACE + ":" + name;
    }

    public Kind kind() {
        return kind;
    }

    public String meaning() {
        return meaning;
    }

    /** The default as the README and help show it; null when there is none. */
    public String defaultShown() {
        return defaultShown;
    }

    /** Numbers: the smallest allowed value. Text: unused. Lists and secrets: the least length or items. */
    public double min() {
        return min;
    }

    /** Numbers: the largest allowed value. Text and secrets: the most characters. Lists: the most items. */
    public double max() {
        return max;
    }

    /** The command-line flag that sets it, if any. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    public String flagLabel() {
        return flagLabel;
    }

    /** Only secret settings may be stored as Pulumi secrets; every other value is written into resources as text. */
    public boolean acceptsSecret() {
        return kind == Kind.SECRET;
    }

    public static Optional<Setting> byShortName(String name) {
        return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
    }

    /** The setting that pins a tier's type. */
    public static Setting pinning(Tier tier) {
        return switch (tier) {
            case SERVER -> VM_TYPE;
            case API -> API_TYPE;
            case WEBSOCKET -> WEBSOCKET_TYPE;
            case GPU -> GPU_TYPE;
            case NODES -> NODE_TYPE;
            case DATABASE -> DB_TIER;
            case CACHE -> CACHE_TIER;
        };
    }

    /** The setting that states a load of this kind. */
    public static Setting stating(LoadInput.Kind kind) {
        return switch (kind) {
            case USERS -> USERS;
            case DAILY_ACTIVE_USERS -> DAILY_ACTIVE_USERS;
            case MONTHLY_REQUESTS -> MONTHLY_REQUESTS;
        };
    }

    /** The setting a sizing refusal is about: the core names a workload field, the user typed a key. */
    public static Setting about(WorkloadField field, Tier tier, LoadInput.Kind load, boolean severalRegions) {
        return switch (field) {
            case LOAD -> stating(load);
            case REGIONS -> severalRegions ? REGIONS : REGION;
            case AVAILABILITY -> AVAILABILITY;
            case STAGE -> STAGE;
            case PINNED_TYPE -> pinning(tier);
        };
    }
}
