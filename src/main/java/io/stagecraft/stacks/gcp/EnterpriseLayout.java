package io.stagecraft.stacks.gcp;

import io.stagecraft.components.gcp.GcpNetworkArgs;
import io.stagecraft.components.gcp.GkeCluster;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enterprise stage's address plan on GCP. Each region has a slot, its place in the catalog's list of GCP regions
 * (which only grows at its end), and every range the region needs follows from the slot alone: adding, removing or
 * reordering the stack's regions never moves a region's ranges, which are force-new on the subnet's cluster.
 *
 * <pre>
 *   slot s   nodes 10.10.(16s).0/20   control plane 172.16.0.(16s)/28   services 172.17.(16s).0/20   pods 172.(18+s).0.0/16
 * </pre>
 * Slot 0's node range is the single-region network's (10.10.0.0/20). The private services range (Cloud SQL,
 * Memorystore) is a /16 Google allocates in the VPC outside these.
 */
public final class EnterpriseLayout {
    /** Pods take a /16 each from 172.18.0.0 up to 172.31.0.0. */
    public static final int MAX_SLOTS = 14;

    private EnterpriseLayout() {
    }

    /** A region's slot: its place among the catalog's GCP regions. */
    public static int slot(Catalog catalog, String region) {
        int slot = catalog.regionOrder(Cloud.GCP).indexOf(region);
        if (slot < 0) {
            throw new IllegalArgumentException("region " + region + " is not in the catalog");
        }
        if (slot >= MAX_SLOTS) {
            throw new IllegalArgumentException("region " + region + " has network slot " + slot + "; the address plan holds "
                    + MAX_SLOTS);
        }
        return slot;
    }

    public static String nodeRange(int slot) {
        return "10.10." + (16 * slot) + ".0/20";
    }

    public static String controlPlaneRange(int slot) {
        return "172.16.0." + (16 * slot) + "/28";
    }

    public static String servicesRange(int slot) {
        return "172.17." + (16 * slot) + ".0/20";
    }

    public static String podsRange(int slot) {
        return "172." + (18 + slot) + ".0.0/16";
    }

    /** The subnets of the stack's regions, with GKE's named ranges. */
    public static List<GcpNetworkArgs.Subnet> subnets(Catalog catalog, List<String> regions) {
        return regions.stream().map(r -> {
            int s = slot(catalog, r);
            Map<String, String> ranges = new LinkedHashMap<>(); // a list in the API: a fixed order
            ranges.put(GkeCluster.PODS_RANGE, podsRange(s));
            ranges.put(GkeCluster.SERVICES_RANGE, servicesRange(s));
            return new GcpNetworkArgs.Subnet(r, nodeRange(s), ranges);
        }).toList();
    }
}
