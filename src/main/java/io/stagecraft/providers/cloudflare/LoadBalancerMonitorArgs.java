package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Inputs of a {@link LoadBalancerMonitor}: a health check, defined once per account and used by pools. Schema
 * (v6.17.0): every input is optional; {@code accountId} is optional there since v6.15.0 but the API's path needs it,
 * so the binding requires it.
 */
public final class LoadBalancerMonitorArgs extends ResourceArgs {
    public static final List<String> TYPES = List.of("http", "https", "tcp", "udp_icmp", "icmp_ping", "smtp");
    /** Types that have no default port: the API needs one. */
    public static final List<String> TYPES_NEEDING_PORT = List.of("tcp", "udp_icmp", "smtp");

    @Import(name = "accountId", required = true)
    private final Output<String> accountId;
    @Import(name = "type")
    private final Output<String> type;
    @Import(name = "method")
    private final Output<String> method;
    @Import(name = "path")
    private final Output<String> path;
    @Import(name = "port")
    private final Output<Integer> port;
    @Import(name = "interval")
    private final Output<Integer> interval;
    @Import(name = "timeout")
    private final Output<Integer> timeout;
    @Import(name = "retries")
    private final Output<Integer> retries;
    @Import(name = "expectedCodes")
    private final Output<String> expectedCodes;
    @Import(name = "header")
    private final Output<Map<String, List<String>>> header;
    @Import(name = "followRedirects")
    private final Output<Boolean> followRedirects;
    @Import(name = "allowInsecure")
    private final Output<Boolean> allowInsecure;
    @Import(name = "description")
    private final Output<String> description;

    private LoadBalancerMonitorArgs(Builder b) {
        this.accountId = Output.of(Checks.id("LoadBalancerMonitor.accountId", b.accountId));
        String type = b.type == null ? null : Checks.oneOf("LoadBalancerMonitor.type", b.type, TYPES);
        if (b.port != null) {
            Checks.between("LoadBalancerMonitor.port", b.port, 0, 65535);
        }
        if (type != null && TYPES_NEEDING_PORT.contains(type) && (b.port == null || b.port == 0)) {
            throw new CloudflareInputException("LoadBalancerMonitor.port", b.port == null ? null : "0",
                    "is required for a " + type + " monitor", "a port from 1 to 65535");
        }
        if (b.interval != null) {
            Checks.between("LoadBalancerMonitor.interval", b.interval, 1, Integer.MAX_VALUE);
        }
        if (b.timeout != null) {
            Checks.between("LoadBalancerMonitor.timeout", b.timeout, 1, Integer.MAX_VALUE);
        }
        if (b.retries != null) {
            Checks.between("LoadBalancerMonitor.retries", b.retries, 0, Integer.MAX_VALUE);
        }
        if (b.header != null && b.header.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("User-Agent"))) {
            throw new CloudflareInputException("LoadBalancerMonitor.header", "User-Agent",
                    "cannot be overridden (Cloudflare sets it)", "other request headers, e.g. Host");
        }
        this.type = Checks.output(type);
        this.method = Checks.output(b.method);
        this.path = Checks.output(b.path);
        this.port = Checks.output(b.port);
        this.interval = Checks.output(b.interval);
        this.timeout = Checks.output(b.timeout);
        this.retries = Checks.output(b.retries);
        this.expectedCodes = Checks.output(b.expectedCodes);
        this.header = Checks.output(Checks.copy(b.header));
        this.followRedirects = Checks.output(b.followRedirects);
        this.allowInsecure = Checks.output(b.allowInsecure);
        this.description = Checks.output(b.description);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String accountId;
        private String type;
        private String method;
        private String path;
        private Integer port;
        private Integer interval;
        private Integer timeout;
        private Integer retries;
        private String expectedCodes;
        private Map<String, List<String>> header;
        private Boolean followRedirects;
        private Boolean allowInsecure;
        private String description;

        private Builder() {
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** One of {@link #TYPES}; the API's default is http. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** e.g. GET or HEAD for HTTP(S) checks. */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Needed for tcp, udp_icmp and smtp; HTTP(S) only when not 80/443. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Seconds between checks. */
        public Builder interval(int interval) {
            this.interval = interval;
            return this;
        }

        /** Seconds before a check counts as failed. */
        public Builder timeout(int timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** e.g. "2xx" or "200". */
        public Builder expectedCodes(String expectedCodes) {
            this.expectedCodes = expectedCodes;
            return this;
        }

        /** Request headers, e.g. {@code Map.of("Host", List.of("app.example.com"))}. */
        public Builder header(Map<String, List<String>> header) {
            this.header = header;
            return this;
        }

        public Builder followRedirects(boolean followRedirects) {
            this.followRedirects = followRedirects;
            return this;
        }

        public Builder allowInsecure(boolean allowInsecure) {
            this.allowInsecure = allowInsecure;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public LoadBalancerMonitorArgs build() {
            return new LoadBalancerMonitorArgs(this);
        }
    }
}
