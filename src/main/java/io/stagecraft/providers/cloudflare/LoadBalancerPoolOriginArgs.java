package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * One origin of a {@link LoadBalancerPool}. All inputs are optional in the v6.17.0 schema; an origin without an
 * address can receive no traffic, so the binding requires {@code address}. The host header is the schema's
 * {@code header: {hosts: [...]}} (the upstream Terraform attribute is {@code host}; Pulumi's name is {@code hosts}).
 */
public final class LoadBalancerPoolOriginArgs extends ResourceArgs {
    @Import(name = "name")
    private final Output<String> name;
    @Import(name = "address")
    private final Output<String> address;
    @Import(name = "enabled")
    private final Output<Boolean> enabled;
    @Import(name = "weight")
    private final Output<Double> weight;
    @Import(name = "port")
    private final Output<Integer> port;
    @Import(name = "header")
    private final Output<Map<String, List<String>>> header;

    private LoadBalancerPoolOriginArgs(Builder b) {
        this.address = Checks.required("LoadBalancerPool.origins.address", b.address,
                "the origin's IP address or a host name that resolves to it (not one proxied by Cloudflare)");
        if (b.weight != null) {
            Checks.between("LoadBalancerPool.origins.weight", b.weight, 0, 1, "a number from 0 to 1");
        }
        if (b.port != null) {
            Checks.between("LoadBalancerPool.origins.port", b.port, 0, 65535);
        }
        this.name = Checks.output(b.name);
        this.enabled = Checks.output(b.enabled);
        this.weight = Checks.output(b.weight);
        this.port = Checks.output(b.port);
        this.header = b.hostHeader == null ? null : Output.of(Map.of("hosts", List.of(
                Checks.notBlank("LoadBalancerPool.origins.header.hosts", b.hostHeader, "a host name"))));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;
        private Output<String> address;
        private Boolean enabled;
        private Double weight;
        private Integer port;
        private String hostHeader;

        private Builder() {
        }

        /** A name people recognise in the dashboard and in notifications. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder address(String address) {
            return address(address == null ? null : Output.of(address));
        }

        /** e.g. another resource's IP address output. */
        public Builder address(Output<String> address) {
            this.address = address;
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** This origin's share of the pool's traffic, from 0 to 1 (the API's default is 1). */
        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        /** 0 means the protocol's default port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The Host header sent to this origin (and in its health checks). */
        public Builder hostHeader(String host) {
            this.hostHeader = host;
            return this;
        }

        public LoadBalancerPoolOriginArgs build() {
            return new LoadBalancerPoolOriginArgs(this);
        }
    }
}
