package io.stagecraft.components.gcp;

import io.stagecraft.components.Moved;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the network lives, its address ranges, and the optional parts: Cloud NAT for instances without public IPs
 * (per region), private services access for Cloud SQL and Memorystore (once for the VPC).
 *
 * @param subnets        one subnet per region, the primary region first
 * @param regionalNames  whether subnets, routers and NAT gateways carry their region in their names (several regions);
 *                       a single-region network keeps the names it always had
 * @param moved          the network component as an earlier stage declared it (a move up a stage), or empty
 */
public record GcpNetworkArgs(List<Subnet> subnets, boolean natGateway, boolean privateServicesAccess,
                             boolean regionalNames, Optional<Moved> moved) {
    public static final String DEFAULT_CIDR = "10.10.0.0/20";
    /** A /16 for Google-managed services: room for many Cloud SQL and Memorystore instances. */
    public static final int SERVICES_PREFIX_LENGTH = 16;

    /**
     * A regional subnet.
     *
     * @param secondaryRanges named alias ranges (GKE's pods and services), name to CIDR
     */
    public record Subnet(String region, String cidr, Map<String, String> secondaryRanges) {
        public Subnet {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("GcpNetworkArgs: region is required");
            }
            cidr = cidr == null ? DEFAULT_CIDR : cidr;
            secondaryRanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secondaryRanges));
        }
    }

    public GcpNetworkArgs {
        subnets = List.copyOf(subnets);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("GcpNetworkArgs: at least one subnet");
        }
        if (!regionalNames && subnets.size() > 1) {
            throw new IllegalArgumentException("GcpNetworkArgs: several regions need regional names");
        }
        Set<String> regions = new HashSet<>();
        for (Subnet s : subnets) {
            if (!regions.add(s.region())) {
                throw new IllegalArgumentException("GcpNetworkArgs: region " + s.region() + " twice");
            }
        }
    }

    /** The first region's subnet: where a single-region network lives. */
    public String region() {
        return subnets.get(0).region();
    }

    /** Just the VPC and subnet. */
    public static GcpNetworkArgs in(String region) {
        return new GcpNetworkArgs(List.of(new Subnet(region, null, Map.of())), false, false, false, Optional.empty());
    }

    /** With Cloud NAT and private services access: what load-balanced pools and managed data services need. */
    public static GcpNetworkArgs privateIn(String region) {
        return new GcpNetworkArgs(List.of(new Subnet(region, null, Map.of())), true, true, false, Optional.empty());
    }

    /**
     * Several regions, each with its subnet (and alias ranges) and Cloud NAT, and private services access. With
     * {@code moved}, the VPC and the peering keep the identity a single-region network gave them, and so do the
     * primary region's router and NAT gateway (one region serves one NAT gateway per subnet range: a second one could
     * not be created beside it).
     */
    public static GcpNetworkArgs privateRegions(List<Subnet> subnets, Optional<Moved> moved) {
        return new GcpNetworkArgs(subnets, true, true, true, moved);
    }
}
