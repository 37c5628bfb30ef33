package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Inputs of a {@link LoadBalancerPool}: a named group of origins in an account, health-checked by a monitor. Schema
 * (v6.17.0): {@code name} and {@code origins} are required; {@code accountId} is optional there since v6.15.0 but the
 * API's path needs it, so the binding requires it.
 */
public final class LoadBalancerPoolArgs extends ResourceArgs {
    /** Where health checks can run from (upstream schema's list). */
    public static final List<String> CHECK_REGIONS = List.of("WNAM", "ENAM", "WEU", "EEU", "NSAM", "SSAM", "OC", "ME",
            "NAF", "SAF", "SAS", "SEAS", "NEAS", "ALL_REGIONS");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Import(name = "accountId", required = true)
    private final Output<String> accountId;
    @Import(name = "name", required = true)
    private final Output<String> name;
    @Import(name = "origins", required = true)
    private final Output<List<LoadBalancerPoolOriginArgs>> origins;
    @Import(name = "monitor")
    private final Output<String> monitor;
    @Import(name = "minimumOrigins")
    private final Output<Integer> minimumOrigins;
    @Import(name = "checkRegions")
    private final Output<List<String>> checkRegions;
    @Import(name = "description")
    private final Output<String> description;

    private LoadBalancerPoolArgs(Builder b) {
        this.accountId = Output.of(Checks.id("LoadBalancerPool.accountId", b.accountId));
        String nameAllowed = "letters, digits, hyphens and underscores";
        Checks.required("LoadBalancerPool.name", b.name, nameAllowed);
        if (!NAME.matcher(b.name).matches()) {
            throw new CloudflareInputException("LoadBalancerPool.name", b.name, "has characters a pool name cannot have",
                    nameAllowed);
        }
        this.name = Output.of(b.name);
        List<LoadBalancerPoolOriginArgs> origins = Checks.notEmpty("LoadBalancerPool.origins", b.origins,
                "one origin or more");
        this.origins = Output.of(origins);
        if (b.minimumOrigins != null) {
            // more than the pool has: the pool could never be healthy
            Checks.between("LoadBalancerPool.minimumOrigins", b.minimumOrigins, 0, origins.size());
        }
        this.minimumOrigins = Checks.output(b.minimumOrigins);
        if (b.checkRegions != null) {
            b.checkRegions.forEach(r -> Checks.oneOf("LoadBalancerPool.checkRegions", r, CHECK_REGIONS));
        }
        this.checkRegions = b.checkRegions == null ? null : Output.of(List.copyOf(b.checkRegions));
        this.monitor = b.monitor;
        this.description = Checks.output(b.description);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String accountId;
        private String name;
        private final List<LoadBalancerPoolOriginArgs> origins = new ArrayList<>();
        private Output<String> monitor;
        private Integer minimumOrigins;
        private List<String> checkRegions;
        private String description;

        private Builder() {
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Letters, digits, hyphens and underscores. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Adds an origin. */
        public Builder origin(LoadBalancerPoolOriginArgs origin) {
            this.origins.add(java.util.Objects.requireNonNull(origin, "origin"));
            return this;
        }

        /** Replaces the origins. */
        public Builder origins(List<LoadBalancerPoolOriginArgs> origins) {
            this.origins.clear();
            origins.forEach(this::origin);
            return this;
        }

        /** The monitor's id, usually {@code monitor.id()}. */
        public Builder monitor(Output<String> monitorId) {
            this.monitor = monitorId;
            return this;
        }

        /** An existing monitor's id (32 lower-case hexadecimal characters). */
        public Builder monitor(String monitorId) {
            return monitor(Output.of(Checks.id("LoadBalancerPool.monitor", monitorId)));
        }

        /** Healthy origins below this count mark the pool unhealthy (the API's default is 1). */
        public Builder minimumOrigins(int minimumOrigins) {
            this.minimumOrigins = minimumOrigins;
            return this;
        }

        /** Regions from {@link #CHECK_REGIONS}; unset means every Cloudflare data center. */
        public Builder checkRegions(List<String> checkRegions) {
            this.checkRegions = checkRegions;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public LoadBalancerPoolArgs build() {
            return new LoadBalancerPoolArgs(this);
        }
    }
}
