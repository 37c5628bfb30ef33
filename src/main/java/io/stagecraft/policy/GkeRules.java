package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.GKE_CLUSTER;
import static io.stagecraft.policy.ResourceTypes.GKE_NODE_POOL;

import io.stagecraft.net.Ipv4Ranges;
import java.util.ArrayList;
import java.util.List;

/** GKE clusters and node pools: private nodes, a fenced control plane, network policy, the metadata server, upkeep. */
final class GkeRules {
    private GkeRules() {
    }

    static List<Rule> all() {
        return List.of(PRIVATE_NODES, CONTROL_PLANE_FENCED, NETWORK_POLICY, METADATA_SERVER, RELEASE_CHANNEL,
                SHIELDED_NODES, NODE_AUTO_REPAIR_UPGRADE);
    }

    static final Rule PRIVATE_NODES = Rule.define("gke-private-nodes")
            .title("GKE nodes have no public IP addresses")
            .why("A node with a public address is reachable from the internet on every port its firewall or a"
                    + " misconfigured Service (NodePort, hostPort) leaves open; private nodes reach out through Cloud NAT"
                    + " and take traffic only through load balancers. It can only be set at creation. Mandatory:"
                    + " exposure of every workload.")
            .fix("Set privateClusterConfig.enablePrivateNodes to true with a masterIpv4CidrBlock, and give the region"
                    + " Cloud NAT for egress.")
            .mandatory().publicIds("CKV_GCP_25", "CKV_GCP_64").appliesTo(GKE_CLUSTER)
            .perResource((cluster, ctx) -> {
                Inputs.Lookup privateNodes = Inputs.at(cluster, "privateClusterConfig.enablePrivateNodes");
                return privateNodes.isTrue() || privateNodes.unknown() ? List.of() : List.of("privateClusterConfig."
                        + "enablePrivateNodes is " + (privateNodes.missing() ? "not set (public nodes)" : privateNodes.text())
                        + ".");
            });

    static final Rule CONTROL_PLANE_FENCED = Rule.define("gke-control-plane-authorized-networks")
            .title("The GKE control plane admits only authorized networks, never a large share of the internet")
            .why("With a public endpoint and no authorized networks anyone can try credentials and exploits against the"
                    + " Kubernetes API. Mandatory: cluster takeover.")
            .fix("Set masterAuthorizedNetworksConfig.cidrBlocks to the ranges Pulumi and kubectl run from (at most a /16"
                    + " of public addresses in all), or make the endpoint private.")
            .mandatory().publicIds("CKV_GCP_18", "CKV_GCP_20").appliesTo(GKE_CLUSTER)
            .perResource((cluster, ctx) -> {
                if (Inputs.at(cluster, "privateClusterConfig.enablePrivateEndpoint").isTrue()) {
                    return List.of();
                }
                Inputs.Lookup config = Inputs.at(cluster, "masterAuthorizedNetworksConfig");
                if (config.unknown()) {
                    return List.of();
                }
                if (config.missing()) {
                    return List.of("masterAuthorizedNetworksConfig is not set: the public endpoint admits any address.");
                }
                List<String> cidrs = new ArrayList<>();
                for (Object block : Inputs.at(cluster, "masterAuthorizedNetworksConfig.cidrBlocks").items()) {
                    Inputs.Lookup cidr = Inputs.at(block, "cidrBlock");
                    if (cidr.unknown()) {
                        return List.of();
                    }
                    if (cidr.present()) {
                        cidrs.add(cidr.text());
                    }
                }
                if (Ipv4Ranges.opensAdminPortWidely(cidrs)) {
                    return List.of("Its authorized networks " + cidrs + " admit a large share of the internet.");
                }
                return Inputs.at(cluster, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled").isTrue()
                        ? List.of("gcpPublicCidrsAccessEnabled admits every Google Cloud public address (any project's"
                        + " VMs).") : List.of();
            });

    static final Rule NETWORK_POLICY = Rule.define("gke-network-policy")
            .title("GKE enforces NetworkPolicies (Dataplane V2 or the network policy add-on)")
            .why("Without enforcement a NetworkPolicy is accepted and ignored: any pod reaches any other, so one"
                    + " compromised pod reaches the whole cluster. Dataplane V2 enforces policies itself. Mandatory: the"
                    + " stacks' NetworkPolicies would be silently void.")
            .fix("Set datapathProvider to ADVANCED_DATAPATH at creation (force-new), or networkPolicy.enabled true.")
            .mandatory().publicIds("CKV_GCP_12").appliesTo(GKE_CLUSTER)
            .perResource((cluster, ctx) -> {
                Inputs.Lookup datapath = Inputs.at(cluster, "datapathProvider");
                Inputs.Lookup calico = Inputs.at(cluster, "networkPolicy.enabled");
                if (datapath.is("ADVANCED_DATAPATH") || calico.isTrue() || datapath.unknown() || calico.unknown()) {
                    return List.of();
                }
                return List.of("Neither Dataplane V2 (datapathProvider is " + (datapath.missing() ? "not set"
                        : datapath.text()) + ") nor the network policy add-on is on.");
            });

    static final Rule METADATA_SERVER = Rule.define("gke-metadata-server")
            .title("GKE nodes run the GKE metadata server (Workload Identity)")
            .why("Without it pods read the node's own service account token from the instance metadata, so every pod"
                    + " acts with the node's permissions; with the GKE metadata server a pod gets only its Kubernetes"
                    + " service account's Google identity. Mandatory: credential theft from any pod.")
            .fix("Set workloadIdentityConfig.workloadPool on the cluster and nodeConfig.workloadMetadataConfig.mode to"
                    + " GKE_METADATA on the cluster's default pool and every node pool.")
            .mandatory().publicIds("CKV_GCP_69").appliesTo(GKE_CLUSTER, GKE_NODE_POOL)
            .perResource((resource, ctx) -> {
                List<String> problems = new ArrayList<>();
                if (resource.type().equals(GKE_CLUSTER)) {
                    Inputs.Lookup pool = Inputs.at(resource, "workloadIdentityConfig.workloadPool");
                    if (pool.missing()) {
                        problems.add("workloadIdentityConfig.workloadPool is not set (Workload Identity is off).");
                    }
                    if (Inputs.at(resource, "removeDefaultNodePool").isTrue()
                            && Inputs.at(resource, "nodeConfig").missing()) {
                        return problems; // no default pool survives creation without its nodeConfig: nothing to read
                    }
                }
                Inputs.Lookup mode = Inputs.at(resource, "nodeConfig.workloadMetadataConfig.mode");
                if (!mode.is("GKE_METADATA") && !mode.unknown()) {
                    problems.add("nodeConfig.workloadMetadataConfig.mode is " + (mode.missing() ? "not set" : mode.text())
                            + ": pods can read the node's credentials.");
                }
                return problems;
            });

    static final Rule RELEASE_CHANNEL = Rule.define("gke-release-channel")
            .title("GKE clusters follow a release channel")
            .why("On a channel Google upgrades the control plane and nodes within supported versions; off it a cluster"
                    + " drifts out of support and its upgrades become manual and larger. Advisory: a team may pin"
                    + " versions on purpose, with a waiver.")
            .fix("Set releaseChannel.channel to REGULAR (or STABLE).")
            .advisory().publicIds("CKV_GCP_70").appliesTo(GKE_CLUSTER)
            .perResource((cluster, ctx) -> {
                Inputs.Lookup channel = Inputs.at(cluster, "releaseChannel.channel");
                if (channel.unknown() || channel.present() && !channel.is("UNSPECIFIED")) {
                    return List.of();
                }
                return List.of("releaseChannel.channel is " + (channel.missing() ? "not set" : channel.text()) + ".");
            });

    static final Rule SHIELDED_NODES = Rule.define("gke-shielded-nodes")
            .title("GKE nodes are Shielded VMs")
            .why("Shielded nodes prove their boot integrity before joining, so a compromised or impersonated node cannot"
                    + " register with the control plane and receive workloads' secrets. Mandatory: cluster integrity.")
            .fix("Leave enableShieldedNodes at true (the default), never false.")
            .mandatory().publicIds("CKV_GCP_71").appliesTo(GKE_CLUSTER)
            .perResource((cluster, ctx) -> Inputs.at(cluster, "enableShieldedNodes").isFalse()
                    ? List.of("enableShieldedNodes is false.") : List.of());

    static final Rule NODE_AUTO_REPAIR_UPGRADE = Rule.define("gke-node-auto-repair-upgrade")
            .title("GKE node pools repair and upgrade their nodes automatically")
            .why("Auto-repair replaces nodes that fail health checks; auto-upgrade keeps nodes on the control plane's"
                    + " supported versions and patched. Without them a broken node keeps its pods and old nodes collect"
                    + " vulnerabilities. Advisory: a team may manage upgrades itself, with a waiver.")
            .fix("Set management.autoRepair and management.autoUpgrade to true.")
            .advisory().publicIds("CKV_GCP_9", "CKV_GCP_10").appliesTo(GKE_NODE_POOL)
            .perResource((pool, ctx) -> {
                List<String> problems = new ArrayList<>();
                for (String key : List.of("autoRepair", "autoUpgrade")) {
                    Inputs.Lookup v = Inputs.at(pool, "management." + key);
                    if (!v.isTrue() && !v.unknown()) {
                        problems.add("management." + key + " is " + (v.missing() ? "not set" : v.text()) + ".");
                    }
                }
                return problems;
            });
}
