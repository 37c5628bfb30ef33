package io.stagecraft.components.gcp;

/**
 * Where the network lives, its address range, and the optional parts: Cloud NAT for instances without public IPs,
 * private services access for Cloud SQL and Memorystore.
 */
public record GcpNetworkArgs(String region, String cidr, boolean natGateway, boolean privateServicesAccess) {
    public static final String DEFAULT_CIDR = "10.10.0.0/20";
    /** A /16 for Google-managed services: room for many Cloud SQL and Memorystore instances. */
    public static final int SERVICES_PREFIX_LENGTH = 16;

    public GcpNetworkArgs {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("GcpNetworkArgs: region is required");
        }
        cidr = cidr == null ? DEFAULT_CIDR : cidr;
    }

    /** Just the VPC and subnet. */
    public static GcpNetworkArgs in(String region) {
        return new GcpNetworkArgs(region, null, false, false);
    }

    /** With Cloud NAT and private services access: what load-balanced pools and managed data services need. */
    public static GcpNetworkArgs privateIn(String region) {
        return new GcpNetworkArgs(region, null, true, true);
    }
}
