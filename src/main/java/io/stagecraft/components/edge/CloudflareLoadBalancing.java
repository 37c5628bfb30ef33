package io.stagecraft.components.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import io.stagecraft.providers.cloudflare.LoadBalancer;
import io.stagecraft.providers.cloudflare.LoadBalancerArgs;
import io.stagecraft.providers.cloudflare.LoadBalancerMonitor;
import io.stagecraft.providers.cloudflare.LoadBalancerMonitorArgs;
import io.stagecraft.providers.cloudflare.LoadBalancerPool;
import io.stagecraft.providers.cloudflare.LoadBalancerPoolArgs;
import io.stagecraft.providers.cloudflare.LoadBalancerPoolOriginArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The edge across several regions: one health monitor (HTTPS, the app's health path), one pool per region whose
 * origin is that region's ingress IP and whose checks run from that region, and one proxied load balancer per host
 * name that steers each visitor to the pools of the visitor's region first (geo steering), falls back to the primary
 * region's pool, and keeps a visitor on one origin with a cookie (websockets reconnect to the same region).
 *
 * <p>Pools and the monitor belong to the Cloudflare account; the load balancers to the zone.
 */
public final class CloudflareLoadBalancing extends ComponentResource {
    public static final String TYPE = "stagecraft:edge:CloudflareLoadBalancing";
    /** Cloudflare's default cookie lifetime for session affinity (23 hours); the API accepts 1800 to 604800 s. */
    public static final double AFFINITY_SECONDS = 82_800;


    public CloudflareLoadBalancing(String name, Args args, ProviderResource provider, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).provider(provider).build();
        LoadBalancerMonitor monitor = new LoadBalancerMonitor(name + "-health", LoadBalancerMonitorArgs.builder()
                .accountId(args.accountId())
                .type("https")
                .method("GET")
                .path(args.healthPath())
                .port(443)
                .expectedCodes("200")
                .interval(60)
                .timeout(5)
                .retries(2)
                .followRedirects(false)
                .allowInsecure(false)
                .header(Map.of("Host", List.of(args.hostnames().get(0))))
                .description("Stagecraft " + args.poolPrefix() + ": the app's health over HTTPS")
                .build(), child);
        // region code -> pools there, in the order the regions were given (primary first)
        Map<String, List<Output<String>>> local = new LinkedHashMap<>();
        List<Output<String>> all = new ArrayList<>();
        for (RegionalOrigin origin : args.origins()) {
            String code = origin.cloudflareRegion();
            LoadBalancerPool pool = new LoadBalancerPool(name + "-" + origin.region(), LoadBalancerPoolArgs.builder()
                    .accountId(args.accountId())
                    .name(args.poolPrefix() + "-" + origin.region())
                    .origin(LoadBalancerPoolOriginArgs.builder().name(origin.region()).address(origin.ingressIp())
                            .enabled(true).build())
                    .monitor(monitor.id())
                    .minimumOrigins(1)
                    .checkRegions(List.of(code))
                    .description("Stagecraft " + args.poolPrefix() + ": the ingress in " + origin.region())
                    .build(), child);
            all.add(pool.id());
            local.computeIfAbsent(code, k -> new ArrayList<>()).add(pool.id());
        }
        for (String host : args.hostnames()) {
            LoadBalancerArgs.Builder lb = LoadBalancerArgs.builder()
                    .zoneId(args.zoneId())
                    .name(host)
                    .defaultPools(all)
                    .fallbackPool(all.get(0))
                    .steeringPolicy("geo")
                    .proxied(true)
                    .sessionAffinity("cookie")
                    .sessionAffinityTtl(AFFINITY_SECONDS)
                    .description("Stagecraft " + args.poolPrefix() + ": nearest region first");
            // the visitor's own region first, then every other region in the given order as failover
            local.forEach((code, near) -> {
                List<Output<String>> ordered = new ArrayList<>(near);
                all.stream().filter(p -> !near.contains(p)).forEach(ordered::add);
                lb.regionPools(code, ordered);
            });
            new LoadBalancer(name + "-" + CloudflareEdge.slug(host), lb.build(), child);
        }
        registerOutputs(Map.of("poolIds", Output.all(all)));
    }


    /** A region's ingress: the address the region's pool sends traffic to. */
    public record RegionalOrigin(String region, Output<String> ingressIp) {
        public RegionalOrigin {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(ingressIp, "ingressIp");
        }

        /** The Cloudflare region the cloud region sits in; a region the table does not place is refused. */
        public String cloudflareRegion() {
            return CloudflareRegions.of(region).orElseThrow(() -> new IllegalArgumentException("region " + region
                    + " has no Cloudflare load-balancing region in CloudflareRegions; known: " + CloudflareRegions.known()));
        }
    }

    /**
     * @param poolPrefix what pool names start with, unique in the account (letters, digits, hyphens, underscores)
     * @param hostnames  one load balancer each, in the zone
     * @param origins    the regions, primary first (the fallback)
     * @param healthPath the path the monitor checks over HTTPS, answering 200 when the region can serve
     */
    public record Args(String zoneId, String accountId, String poolPrefix, List<String> hostnames,
                       List<RegionalOrigin> origins, String healthPath) {
        public Args {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(accountId, "accountId");
            hostnames = List.copyOf(hostnames);
            origins = List.copyOf(origins);
            if (poolPrefix == null || !poolPrefix.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("pool prefix '" + poolPrefix + "': letters, digits, hyphens, underscores");
            }
            if (hostnames.isEmpty() || origins.isEmpty()) {
                throw new IllegalArgumentException("load balancing needs a host name and a region at least");
            }
            Set<String> seen = new HashSet<>();
            for (RegionalOrigin o : origins) {
                o.cloudflareRegion();
                if (!seen.add(o.region())) {
                    throw new IllegalArgumentException("region " + o.region() + " is given twice");
                }
            }
            if (healthPath == null || !healthPath.startsWith("/")) {
                throw new IllegalArgumentException("health path '" + healthPath + "' must start with /");
            }
        }
    }
}
