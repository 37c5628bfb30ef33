package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.Network;
import com.pulumi.gcp.compute.NetworkArgs;
import com.pulumi.gcp.compute.Router;
import com.pulumi.gcp.compute.RouterArgs;
import com.pulumi.gcp.compute.RouterNat;
import com.pulumi.gcp.compute.RouterNatArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.SubnetworkArgs;
import com.pulumi.gcp.compute.inputs.RouterNatLogConfigArgs;
import com.pulumi.gcp.compute.inputs.SubnetworkSecondaryIpRangeArgs;
import com.pulumi.gcp.servicenetworking.Connection;
import com.pulumi.gcp.servicenetworking.ConnectionArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.components.Moved;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A custom-mode VPC and one regional subnet with Private Google Access. Custom mode, so no auto-created subnets
 * in every region and no default firewall rules: nothing is reachable until a firewall building block allows it.
 *
 * <p>Optionally: a Cloud Router with Cloud NAT, so instances without public IPs can still reach package mirrors
 * and registries; and private services access (a reserved range peered with Google's service network), so Cloud
 * SQL and Memorystore get private IPs only.
 *
 * <p>Across regions (the enterprise stage) there is one subnet, router and NAT gateway per region, named with the
 * region, and the VPC and peering once: Cloud SQL and Memorystore in any region take their private IPs from the one
 * reserved range.
 */
public final class GcpNetwork extends ComponentResource {
    private final Network network;
    private final Map<String, Subnetwork> subnets = new LinkedHashMap<>();
    private final Connection privateServices;

    public GcpNetwork(String name, GcpNetworkArgs args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:Network", name, opts);
        this.network = new Network(name + "-vpc", NetworkArgs.builder()
                .autoCreateSubnetworks(false)
                .routingMode("REGIONAL")
                .description("Stagecraft network")
                .build(), carried(args, "-vpc"));
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("networkId", network.id());
        for (int i = 0; i < args.subnets().size(); i++) {
            GcpNetworkArgs.Subnet s = args.subnets().get(i);
            String suffix = args.regionalNames() ? "-" + s.region() : "";
            List<SubnetworkSecondaryIpRangeArgs> secondary = s.secondaryRanges().entrySet().stream()
                    .map(e -> SubnetworkSecondaryIpRangeArgs.builder().rangeName(e.getKey()).ipCidrRange(e.getValue())
                            .build())
                    .toList();
            SubnetworkArgs.Builder subnet = SubnetworkArgs.builder()
                    .network(network.id())
                    .region(s.region())
                    .ipCidrRange(s.cidr())
                    .privateIpGoogleAccess(true);
            if (!secondary.isEmpty()) {
                subnet.secondaryIpRanges(secondary);
            }
            subnets.put(s.region(), new Subnetwork(name + "-subnet" + suffix, subnet.build(), ChildOptions.of(this)));
            if (args.natGateway()) {
                // the primary region's NAT takes over the single-region one: a second gateway for the same subnet
                // ranges in a region would be refused while the first still exists
                boolean takesOver = i == 0;
                Router router = new Router(name + "-router" + suffix, RouterArgs.builder()
                        .network(network.id())
                        .region(s.region())
                        .description("Cloud NAT for instances without public IPs")
                        .build(), takesOver ? carried(args, "-router") : ChildOptions.of(this));
                new RouterNat(name + "-nat" + suffix, RouterNatArgs.builder()
                        .router(router.name())
                        .region(s.region())
                        .natIpAllocateOption("AUTO_ONLY")
                        .sourceSubnetworkIpRangesToNat("ALL_SUBNETWORKS_ALL_IP_RANGES")
                        .logConfig(RouterNatLogConfigArgs.builder().enable(true).filter("ERRORS_ONLY").build())
                        .build(), takesOver ? carried(args, "-nat") : ChildOptions.of(this));
            }
        }
        outputs.put("subnetId", subnets.values().iterator().next().id());
        if (args.privateServicesAccess()) {
            GlobalAddress range = new GlobalAddress(name + "-services-range", GlobalAddressArgs.builder()
                    .network(network.id())
                    .purpose("VPC_PEERING")
                    .addressType("INTERNAL")
                    .prefixLength(GcpNetworkArgs.SERVICES_PREFIX_LENGTH)
                    .description("Reserved for Cloud SQL and Memorystore private IPs")
                    .build(), carried(args, "-services-range"));
            this.privateServices = new Connection(name + "-services", ConnectionArgs.builder()
                    .network(network.id())
                    .service("servicenetworking.googleapis.com")
                    .reservedPeeringRanges(range.name().applyValue(List::of))
                    .build(), carried(args, "-services"));
            outputs.put("privateServicesPeering", privateServices.peering());
        } else {
            this.privateServices = null;
        }
        registerOutputs(outputs);
    }

    /** A child that keeps the identity it had where the network was declared before, if it was. */
    private CustomResourceOptions carried(GcpNetworkArgs args, String suffix) {
        return Moved.keep(CustomResourceOptions.builder().parent(this), args.moved(), suffix).build();
    }

    public Output<String> networkId() {
        return network.id();
    }

    public Output<String> networkSelfLink() {
        return network.selfLink();
    }

    /** The first (or only) region's subnet. */
    public Output<String> subnetId() {
        return subnets.values().iterator().next().id();
    }

    public Output<String> subnetSelfLink() {
        return subnets.values().iterator().next().selfLink();
    }

    /** A region's subnet. */
    public Output<String> subnetId(String region) {
        Subnetwork s = subnets.get(region);
        if (s == null) {
            throw new IllegalArgumentException("the network has no subnet in " + region);
        }
        return s.id();
    }

    /** The private services peering, which managed databases and caches must wait for. */
    public Optional<Resource> privateServices() {
        return Optional.ofNullable(privateServices);
    }
}
