package io.stagecraft.sizing;

/**
 * Every number the sizing model uses, with its default and where the default comes from. The scaling guides are
 * the three documents Stagecraft's stages were drawn from (docs/sizing.md lists them): guide 1 (single server to
 * enterprise phases, AWS t3), guide 2 (a system expansion guide) and guide 3 (GCP stages 1-4 with Cloud SQL,
 * Memorystore and autoscaling settings).
 */
public enum Coefficient {
    SINGLE_VM_MAX_USERS(500, "users", "largest peak concurrent user count planned as a single small VM",
            "guide 1 Phase 1 and guide 3 Stage 1: 0-500 concurrent users"),
    VERTICAL_MAX_USERS(2_000, "users", "largest count still served by one (bigger) VM",
            "guide 1 Phase 2 and guide 3 Stage 2: 500-2,000"),
    HORIZONTAL_MAX_USERS(10_000, "users", "largest count served by one region of load-balanced pools",
            "guide 1 Phase 3 and guide 3 Stage 3: 2,000-10,000"),
    HA_AVAILABILITY(99.9, "%", "at or above this target no tier may be a single instance, so the stage is at least horizontal",
            "guide 1: scale from vertical to horizontal when a 99.9% uptime SLA is needed"),
    MULTI_REGION_AVAILABILITY(99.99, "%", "at or above this target one region is not enough: the stage is enterprise and"
            + " runs in two regions (below it, an enterprise plan keeps one region unless regions are listed)",
            "guide 3: one region with auto-healing reaches 99.9-99.95%"),
    TARGET_CPU(0.70, "fraction", "CPU utilisation every tier is sized to at peak",
            "guides 1, 2, 3: scale up at CPU > 70%"),
    TARGET_MEMORY(0.80, "fraction", "share of a machine's memory the sized services may use",
            "guide 1: scale up at memory > 80%"),
    RPS_PER_VCPU(50, "req/s", "HTTP requests per second one reference (N2) vCPU serves at the target CPU",
            "guide 3: an n2-standard-2 API node serves about 100 req/s at 70% CPU"),
    WS_CONNECTIONS_PER_VCPU(2_000, "connections", "open websocket connections one reference vCPU keeps at the target CPU",
            "guide 3: mostly idle connections; one process holds ~10k, memory is the limit"),
    WS_MB_PER_CONNECTION(0.0625, "MB", "memory per open websocket connection, buffers included (64 KiB)",
            "python-websockets docs (memory): 19 KiB idle without compression, 70 KiB with the default permessage-deflate;"
                    + " guide 3: 10-50 KB per connection"),
    DB_QPS_PER_VCPU(875, "queries/s", "Postgres queries per second per vCPU at the target CPU",
            "guide 3: a 4 vCPU Cloud SQL instance serves 5,000 queries/s; 1,250 per vCPU x 70%"),
    SERVER_BASE_VCPU(0.1, "vCPU", "CPU nginx and Redis take on a single VM",
            "guide 1: 0.25 CPU each allotted, mostly idle"),
    SERVER_OS_MEMORY_GB(1.0, "GiB", "memory the OS, Docker and agents take on a single VM", "operating practice"),
    NODE_OS_MEMORY_GB(0.5, "GiB", "memory the OS takes on a pool node", "operating practice"),
    NGINX_MEMORY_GB(0.25, "GiB", "nginx memory on a single VM", "guide 1: frontend 256 MB"),
    WORKER_MEMORY_GB_PER_VCPU(0.5, "GiB", "application worker memory per vCPU of app work", "one worker per vCPU"),
    MIN_BACKEND_MEMORY_GB(2.0, "GiB", "least memory for the app on a single VM", "guide 1: backend 2 GB"),
    PG_GB_PER_100_QPS(1.0, "GiB", "Postgres memory per 100 queries/s, up to PG_LINEAR_QPS",
            "guide 1: 1 GB at ~100 q/s, 4 GB at ~400 q/s"),
    PG_LINEAR_QPS(400, "queries/s", "query rate up to which Postgres memory grows at PG_GB_PER_100_QPS",
            "guide 1's largest figure (4 GB at ~400 q/s)"),
    PG_GB_PER_100_QPS_AT_SCALE(0.24, "GiB", "Postgres memory per further 100 queries/s above PG_LINEAR_QPS",
            "guide 3: a 4 vCPU, 15 GB Cloud SQL instance serves 5,000 q/s: (15 - 4) GB over 4,600 q/s"),
    MIN_PG_MEMORY_GB(1.0, "GiB", "least Postgres memory", "guide 1: 1 GB"),
    CACHE_LINEAR_USERS(2_000, "users", "users up to which Redis grows at CACHE_MB_PER_USER",
            "guide 1's largest figure (2 GB at 2,000 users)"),
    CACHE_MB_PER_USER_AT_SCALE(0.375, "MB", "Redis memory per further concurrent user above CACHE_LINEAR_USERS",
            "guide 3: 5 GB in stage 3 (10,000 users): (5 - 2) GB over 8,000 users"),
    CACHE_MB_PER_USER(1.0, "MB", "Redis memory per concurrent user (sessions, cached responses), up to CACHE_LINEAR_USERS",
            "guide 1: 512 MB at 500 users, 2 GB at 2,000; guide 3: 5 GB in stage 3"),
    CACHE_MB_PER_WS_CONNECTION(0.01, "MB", "Redis memory per websocket connection (channel layer)",
            "guide 3: 100 MB per 10K connections"),
    MIN_CACHE_GB(0.5, "GiB", "least Redis memory", "guide 1: 512 MB"),
    USERS_PER_DB_CONNECTION(20, "users", "concurrent users per Postgres connection",
            "guide 1: 50 connections for the single server, 100 at 2,000 users; guide 3: 500 at 10,000"),
    MIN_DB_CONNECTIONS(50, "connections", "least max_connections", "guide 1: pool of 50"),
    DB_CONNECTION_MB(10, "MB", "Postgres memory per connection (work_mem and backend)",
            "about 2 MiB per idle backend measured (Andres Freund, 2020); up to 10 MB with a 4 MB work_mem in use"),
    DB_BASE_MEMORY_GB(1.0, "GiB", "Postgres memory beside connections", "Postgres operating practice"),
    DB_CONNECTION_MEMORY_SHARE(0.5, "fraction", "share of a managed DB's memory connections may use; the rest is cache",
            "Postgres operating practice"),
    DB_GB_PER_USER(0.05, "GB", "database size per concurrent user", "guide 2: 100 GB at 1,000+ concurrent users with history"),
    MIN_DB_GB(20, "GB", "least database disk", "operating practice"),
    MEDIA_GB_PER_USER(0.05, "GB", "media storage per concurrent user when not given",
            "guide 3: <10 GB at 500, 50-100 GB at 2,000, 200 GB-1 TB at 10,000"),
    DISK_TARGET_USAGE(0.70, "fraction", "disks are sized to be this full", "guide 3: disk usage warning at 70%"),
    BOOT_DISK_GB(30, "GB", "boot disk of a VM (OS, Docker images, logs)", "operating practice"),
    MIN_HA_NODES(2, "instances", "least instances of a tier at the HA target", "guide 3: pools of min 2"),
    OFF_PEAK_SHARE(0.30, "fraction", "autoscaling minimum as a share of the peak size",
            "scaling guides: scale down when CPU < 30%"),
    MAX_HEADROOM(2.0, "factor", "autoscaling maximum as a multiple of the peak size",
            "guide 3: HTTP pool 2-10 instances for ~5 needed"),
    HORIZONTAL_MIN_READ_REPLICAS(1, "replicas", "least read replicas in the horizontal stage",
            "guide 1 Phase 3: primary + replica; guide 3: 1-2 read replicas"),
    MAX_READ_REPLICAS(5, "replicas", "most read replicas per primary", "Cloud SQL and RDS allow more; beyond this, shard"),
    QPS_PER_SHARD(10_000, "queries/s", "database load per shard before another shard is added",
            "guide 3: 4 shards at 200K+ users (about 40,000 queries/s)"),
    MIN_SHARDS(1, "shards", "least shards in the enterprise stage: more only when the load needs them",
            "guide 3: one HA instance with read replicas to 200K users, sharding (4 shards) beyond"),
    AUTORESIZE_HEADROOM(0.10, "fraction", "free space a managed database disk is created with, above the expected data;"
            + " autoresize adds more as it fills", "RDS storage autoscaling grows a disk at 10% free; Cloud SQL's automatic"
                    + " increase threshold is at most 25 GB"),
    REGION_FAILOVER_SHARE(0.5, "fraction", "share of a lost region's load each other region is sized to absorb",
            "guide 3: primary region larger than the replica region"),
    MIN_K8S_NODES_PER_REGION(3, "nodes", "least Kubernetes nodes per region", "guide 1: cluster of 3+ nodes"),
    NODE_DAEMONSET_VCPU(0.5, "vCPU", "CPU the system DaemonSets request on each Kubernetes node (logging, metrics,"
            + " networking agents)", "public GKE node dumps: 0.45-0.6 vCPU with Dataplane V2 (anetd, fluentbit, metadata server)"),
    NODE_DAEMONSET_MEMORY_GB(0.5, "GiB", "memory the system DaemonSets take on each Kubernetes node",
            "an allowance: GKE's agents' memory requests are not published as a total"),
    API_POD_VCPU(0.5, "vCPU", "CPU request of one API pod", "guide 3: API pod requests 500m"),
    API_POD_MEMORY_GB(0.5, "GiB", "memory request of one API pod: a worker per 0.5 vCPU at 0.5 GiB per vCPU, plus its"
            + " runtime", "guide 2 deployment example: requests 256Mi, limits 512Mi"),
    WS_POD_VCPU(0.5, "vCPU", "CPU request of one websocket pod", "as the API pod; its connections follow from it"),
    WS_POD_BASE_MEMORY_GB(0.25, "GiB", "memory of a websocket pod before connections (runtime, channel layer client)",
            "guide 2 deployment example: 256Mi"),
    WORKER_POD_VCPU(0.5, "vCPU", "CPU request of one background worker pod (async tasks from the message queue)",
            "guide 3 Stage 4: the worker pods run the API's image, told apart by WORKER_TYPE; sized as the API pod"),
    WORKER_POD_MEMORY_GB(0.5, "GiB", "memory request of one background worker pod",
            "as the API pod (guide 2 deployment example: requests 256Mi, limits 512Mi)"),
    AUTH_PROXY_VCPU(0.025, "vCPU", "CPU request of the Cloud SQL Auth Proxy sidecar beside the app in every pod",
            "an idle proxy uses a few millicores (Cloud SQL Auth Proxy docs: its CPU grows with the I/O it carries);"
                    + " a pod's pool holds a few connections"),
    AUTH_PROXY_MEMORY_MB(32, "MiB", "memory request of the Cloud SQL Auth Proxy sidecar beside the app in every pod",
            "an idle proxy holds about 20 MiB (Cloud SQL Auth Proxy docs: its memory grows with the connections it"
                    + " carries); a pod's pool holds a few connections"),
    RPS_PER_WORKER_POD(1_000, "req/s", "peak requests per second whose async tasks one worker pod keeps up with",
            "guide 3 Stage 4: worker pods 5-10 in the primary region at ~5,000 req/s peak"),
    SECONDARY_WORKER_SHARE(0.5, "fraction", "worker pods in each other region as a share of the primary region's",
            "guide 3 Stage 4: worker pods 5-10 in the primary region, 2-5 in the replica region; tasks write to the"
                    + " shards' primaries, which are in the primary region"),
    T4_RETRIEVAL_REQUESTS_PER_SECOND(30, "req/s", "retrieval requests (embed the query, rerank 20 candidates) one T4 serves",
            "sentence-transformers cross-encoder ms-marco-MiniLM-L6-v2: 1,800 docs/s on a V100, a T4 about a third"
                    + " (NVIDIA TensorRT BERT tables), so ~600 docs/s = 30 queries of 20 candidates"),
    T4_GENERATION_REQUESTS_PER_SECOND(0.35, "req/s", "answers a T4 generates with a 7B 4-bit model (1,500-token prompt,"
            + " 250-token answer)", "AutoAWQ Turing benchmark: 33-35 tokens/s per stream on a T4; batched estimate"
                    + " 150-200 tokens/s"),
    SNAPSHOT_SHARE(1.0, "fraction", "snapshot and backup storage as a share of the disk they protect (7 daily, incremental)",
            "Stagecraft default"),
    DB_CONNECTION_STEP(10, "connections", "max_connections is rounded up to a multiple of this",
            "a fine step: rounding to 50 pushed 1,050 users (53 connections) to 100 and a bigger tier"),
    BACKUP_RETENTION_DAYS(7, "days", "point-in-time recovery and snapshot retention", "guide 3: PITR 7 days");

    private final double defaultValue;
    private final String unit;
    private final String meaning;
    private final String basis;

    Coefficient(double defaultValue, String unit, String meaning, String basis) {
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.meaning = meaning;
        this.basis = basis;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    public String basis() {
        return basis;
    }
}
