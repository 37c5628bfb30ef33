package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.redis.Instance;
import com.pulumi.gcp.redis.InstanceArgs;
import com.pulumi.gcp.redis.inputs.InstancePersistenceConfigArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.stagecraft.components.Moved;

/**
 * Memorystore for Redis on the VPC through private services access: STANDARD_HA (a replica with automatic failover)
 * when the availability target needs it, AUTH on, TLS in transit, RDB snapshots, memory size from the plan, and an
 * eviction policy that never drops sessions.
 */
public final class GcpRedis extends ComponentResource {
    public static final String VERSION = "REDIS_7_0";
    /**
     * Never evict: the instance holds sessions and the websocket channel layer, which carry TTLs, so any volatile-* or
     * allkeys-* policy would drop live sessions under memory pressure. With noeviction a full instance refuses writes
     * loudly instead, the memory alert fires first, and cache entries leave by their own TTLs (set them).
     */
    public static final String EVICTION_POLICY = "noeviction";

    private final Instance instance;

    public GcpRedis(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:Redis", name, opts);
        this.instance = new Instance(name + "-instance", InstanceArgs.builder()
                .region(args.region())
                .tier(args.highlyAvailable() ? "STANDARD_HA" : "BASIC")
                .memorySizeGb(args.memoryGb())
                .redisVersion(VERSION)
                .displayName("Stagecraft cache and channel layer")
                .authorizedNetwork(args.network())
                .connectMode("PRIVATE_SERVICE_ACCESS")
                .authEnabled(true)
                .transitEncryptionMode("SERVER_AUTHENTICATION")
                .persistenceConfig(InstancePersistenceConfigArgs.builder()
                        .persistenceMode("RDB")
                        .rdbSnapshotPeriod("TWELVE_HOURS")
                        .build())
                .redisConfigs(Map.of("maxmemory-policy", EVICTION_POLICY))
                .labels(args.labels())
                .build(), Moved.keep(CustomResourceOptions.builder().parent(this).protect(args.protect()), args.moved(),
                        "-instance")
                .dependsOn(args.privateServices()).additionalSecretOutputs("authString").build());
        registerOutputs(Map.of("host", instance.host(), "port", instance.port()));
    }


    /** The instance's name (Cloud Monitoring's instance_id ends with it). */
    public Output<String> instanceName() {
        return instance.name();
    }

    public Output<String> host() {
        return instance.host();
    }

    public Output<Integer> port() {
        return instance.port();
    }

    /** The AUTH string: a secret. */
    public Output<String> authString() {
        return instance.authString().asSecret();
    }

    /** PEM of the server CA, for clients verifying TLS. */
    public Output<String> caCert() {
        return instance.serverCaCerts().applyValue(certs -> certs.isEmpty() ? ""
                : certs.stream().map(c -> c.cert().orElse("")).reduce("", (a, b) -> a + b));
    }

    /** @param moved this component as an earlier stage declared it (the instance keeps its identity), or empty */
    public record Args(String region, boolean highlyAvailable, int memoryGb, Output<String> network,
                       List<Resource> privateServices, boolean protect, Map<String, String> labels, Optional<Moved> moved) {
        public Args(String region, boolean highlyAvailable, int memoryGb, Output<String> network,
                    List<Resource> privateServices, boolean protect, Map<String, String> labels) {
            this(region, highlyAvailable, memoryGb, network, privateServices, protect, labels, Optional.empty());
        }

        public Args {
            privateServices = List.copyOf(privateServices);
            labels = Map.copyOf(labels);
            if (memoryGb < 1 || memoryGb > 300) {
                throw new IllegalArgumentException("Memorystore holds 1-300 GB, got " + memoryGb);
            }
        }
    }
}
