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
import com.pulumi.gcp.servicenetworking.Connection;
import com.pulumi.gcp.servicenetworking.ConnectionArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.stagecraft.components.ChildOptions;
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
 */
public final class GcpNetwork extends ComponentResource {
    private final Network network;
    private final Subnetwork subnet;
    private final Connection privateServices;

    public GcpNetwork(String name, GcpNetworkArgs args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:Network", name, opts);
        this.network = new Network(name + "-vpc", NetworkArgs.builder()
                .autoCreateSubnetworks(false)
                .routingMode("REGIONAL")
                .description("Stagecraft network")
                .build(), ChildOptions.of(this));
        this.subnet = new Subnetwork(name + "-subnet", SubnetworkArgs.builder()
                .network(network.id())
                .region(args.region())
                .ipCidrRange(args.cidr())
                .privateIpGoogleAccess(true)
                .build(), ChildOptions.of(this));
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("networkId", network.id());
        outputs.put("subnetId", subnet.id());
        if (args.natGateway()) {
            Router router = new Router(name + "-router", RouterArgs.builder()
                    .network(network.id())
                    .region(args.region())
                    .description("Cloud NAT for instances without public IPs")
                    .build(), ChildOptions.of(this));
            new RouterNat(name + "-nat", RouterNatArgs.builder()
                    .router(router.name())
                    .region(args.region())
                    .natIpAllocateOption("AUTO_ONLY")
                    .sourceSubnetworkIpRangesToNat("ALL_SUBNETWORKS_ALL_IP_RANGES")
                    .logConfig(RouterNatLogConfigArgs.builder().enable(true).filter("ERRORS_ONLY").build())
                    .build(), ChildOptions.of(this));
        }
        if (args.privateServicesAccess()) {
            GlobalAddress range = new GlobalAddress(name + "-services-range", GlobalAddressArgs.builder()
                    .network(network.id())
                    .purpose("VPC_PEERING")
                    .addressType("INTERNAL")
                    .prefixLength(GcpNetworkArgs.SERVICES_PREFIX_LENGTH)
                    .description("Reserved for Cloud SQL and Memorystore private IPs")
                    .build(), ChildOptions.of(this));
            this.privateServices = new Connection(name + "-services", ConnectionArgs.builder()
                    .network(network.id())
                    .service("servicenetworking.googleapis.com")
                    .reservedPeeringRanges(range.name().applyValue(List::of))
                    .build(), ChildOptions.of(this));
            outputs.put("privateServicesPeering", privateServices.peering());
        } else {
            this.privateServices = null;
        }
        registerOutputs(outputs);
    }

    public Output<String> networkId() {
        return network.id();
    }

    public Output<String> networkSelfLink() {
        return network.selfLink();
    }

    public Output<String> subnetId() {
        return subnet.id();
    }

    public Output<String> subnetSelfLink() {
        return subnet.selfLink();
    }

    /** The private services peering, which managed databases and caches must wait for. */
    public Optional<Resource> privateServices() {
        return Optional.ofNullable(privateServices);
    }
}
