package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Network;
import com.pulumi.gcp.compute.NetworkArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.SubnetworkArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.Map;

/**
 * A custom-mode VPC and one regional subnet with Private Google Access. Custom mode, so no auto-created subnets
 * in every region and no default firewall rules: nothing is reachable until a firewall building block allows it.
 */
public final class GcpNetwork extends ComponentResource {
    private final Network network;
    private final Subnetwork subnet;

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
        registerOutputs(Map.of("networkId", network.id(), "subnetId", subnet.id()));
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
}
