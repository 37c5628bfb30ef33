package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inputs of a {@link LoadBalancer}: a host name in a zone that spreads traffic over pools. Schema (v6.17.0):
 * {@code name}, {@code defaultPools} and {@code fallbackPool} are required (v6 names: not v5's {@code defaultPoolIds} /
 * {@code fallbackPoolId}); {@code regionPools} is a map from region code to pool ids (v5 had a list of objects);
 * {@code zoneId} is optional there since v6.15.0 but the API's path needs it, so the binding requires it.
 */
public final class LoadBalancerArgs extends ResourceArgs {
    public static final List<String> STEERING_POLICIES = List.of("off", "geo", "random", "dynamic_latency", "proximity",
            "least_outstanding_requests", "least_connections");
    public static final List<String> SESSION_AFFINITIES = List.of("none", "cookie", "ip_cookie", "header");
    /** The region codes of {@code regionPools}. */
    public static final List<String> REGIONS = List.of("WNAM", "ENAM", "WEU", "EEU", "NSAM", "SSAM", "OC", "ME", "NAF",
            "SAF", "SAS", "SEAS", "NEAS");

    @Import(name = "zoneId", required = true)
    private final Output<String> zoneId;
    @Import(name = "name", required = true)
    private final Output<String> name;
    @Import(name = "defaultPools", required = true)
    private final Output<List<String>> defaultPools;
    @Import(name = "fallbackPool", required = true)
    private final Output<String> fallbackPool;
    @Import(name = "regionPools")
    private final Output<Map<String, List<String>>> regionPools;
    @Import(name = "steeringPolicy")
    private final Output<String> steeringPolicy;
    @Import(name = "proxied")
    private final Output<Boolean> proxied;
    @Import(name = "sessionAffinity")
    private final Output<String> sessionAffinity;
    @Import(name = "sessionAffinityTtl")
    private final Output<Double> sessionAffinityTtl;
    @Import(name = "ttl")
    private final Output<Double> ttl;
    @Import(name = "description")
    private final Output<String> description;

    private LoadBalancerArgs(Builder b) {
        this.zoneId = Output.of(Checks.id("LoadBalancer.zoneId", b.zoneId));
        this.name = Output.of(Checks.notBlank("LoadBalancer.name", b.name, "the host name it answers, e.g. app.example.com"));
        this.defaultPools = Output.all(Checks.notEmpty("LoadBalancer.defaultPools", b.defaultPools,
                "one pool id or more, in failover order"));
        this.fallbackPool = Checks.required("LoadBalancer.fallbackPool", b.fallbackPool,
                "the pool id used when every other pool is unhealthy");
        this.regionPools = b.regionPools.isEmpty() ? null : regionPools(b.regionPools);
        this.steeringPolicy = b.steeringPolicy == null ? null
                : Output.of(Checks.oneOf("LoadBalancer.steeringPolicy", b.steeringPolicy, STEERING_POLICIES));
        String affinity = b.sessionAffinity == null ? null
                : Checks.oneOf("LoadBalancer.sessionAffinity", b.sessionAffinity, SESSION_AFFINITIES);
        this.sessionAffinity = Checks.output(affinity);
        if (b.sessionAffinityTtl != null) {
            affinityTtl(affinity, b.sessionAffinityTtl);
        }
        this.sessionAffinityTtl = Checks.output(b.sessionAffinityTtl);
        this.proxied = Checks.output(b.proxied);
        this.ttl = Checks.output(b.ttl);
        this.description = Checks.output(b.description);
    }

    private static Output<Map<String, List<String>>> regionPools(Map<String, List<Output<String>>> byRegion) {
        List<Output<Map.Entry<String, List<String>>>> entries = new ArrayList<>();
        byRegion.forEach((region, pools) -> {
            Checks.oneOf("LoadBalancer.regionPools", region, REGIONS);
            List<Output<String>> ids = Checks.notEmpty("LoadBalancer.regionPools." + region, pools,
                    "one pool id or more, in failover order");
            entries.add(Output.all(ids).applyValue(list -> Map.entry(region, list)));
        });
        return Output.all(entries).applyValue(list -> {
            Map<String, List<String>> map = new TreeMap<>();
            list.forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        });
    }

    /** The accepted ranges per affinity, from the schema's description of sessionAffinityTtl (none: unused). */
    private static void affinityTtl(String affinity, double ttl) {
        String key = "LoadBalancer.sessionAffinityTtl";
        if ("cookie".equals(affinity) || "ip_cookie".equals(affinity)) {
            Checks.between(key, ttl, 1800, 604800, "1800 to 604800 seconds with sessionAffinity " + affinity);
        } else if ("header".equals(affinity)) {
            Checks.between(key, ttl, 30, 3600, "30 to 3600 seconds with sessionAffinity header");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String zoneId;
        private String name;
        private List<Output<String>> defaultPools;
        private Output<String> fallbackPool;
        private final Map<String, List<Output<String>>> regionPools = new TreeMap<>();
        private String steeringPolicy;
        private Boolean proxied;
        private String sessionAffinity;
        private Double sessionAffinityTtl;
        private Double ttl;
        private String description;

        private Builder() {
        }

        public Builder zoneId(String zoneId) {
            this.zoneId = zoneId;
            return this;
        }

        /** The host name, e.g. {@code app.example.com}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Pool ids in failover order, usually {@code pool.id()}. */
        @SafeVarargs
        public final Builder defaultPools(Output<String>... poolIds) {
            return defaultPools(List.of(poolIds));
        }

        public Builder defaultPools(List<Output<String>> poolIds) {
            this.defaultPools = poolIds;
            return this;
        }

        /** The pool used when every other pool is unhealthy. */
        public Builder fallbackPool(Output<String> poolId) {
            this.fallbackPool = poolId;
            return this;
        }

        /** Pools for visitors from one region (a code of {@link #REGIONS}), in failover order; used with steering geo. */
        public Builder regionPools(String region, List<Output<String>> poolIds) {
            this.regionPools.put(region, poolIds);
            return this;
        }

        /** One of {@link #STEERING_POLICIES}. */
        public Builder steeringPolicy(String steeringPolicy) {
            this.steeringPolicy = steeringPolicy;
            return this;
        }

        /** Through Cloudflare's proxy (orange cloud) or DNS only. */
        public Builder proxied(boolean proxied) {
            this.proxied = proxied;
            return this;
        }

        /** One of {@link #SESSION_AFFINITIES}. */
        public Builder sessionAffinity(String sessionAffinity) {
            this.sessionAffinity = sessionAffinity;
            return this;
        }

        /** Seconds: 1800 to 604800 for cookie and ip_cookie, 30 to 3600 for header. */
        public Builder sessionAffinityTtl(double seconds) {
            this.sessionAffinityTtl = seconds;
            return this;
        }

        /** DNS TTL of the answers; only used when not proxied. */
        public Builder ttl(double ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public LoadBalancerArgs build() {
            return new LoadBalancerArgs(this);
        }
    }
}
