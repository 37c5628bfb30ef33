package io.stagecraft.components.gcp;

/** Where the network lives and its address range. */
public record GcpNetworkArgs(String region, String cidr) {
    public static final String DEFAULT_CIDR = "10.10.0.0/20";

    public GcpNetworkArgs {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("GcpNetworkArgs: region is required");
        }
        cidr = cidr == null ? DEFAULT_CIDR : cidr;
    }

    public static GcpNetworkArgs in(String region) {
        return new GcpNetworkArgs(region, null);
    }
}
