package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.FIREWALL;
import static io.stagecraft.policy.ResourceTypes.SUBNETWORK;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GCP VPC: administrative ports closed to the internet, however the ranges are split; private access to Google APIs. */
final class NetworkRules {
    private NetworkRules() {
    }

    /** Target key of a rule without target tags or service accounts: it applies to every instance in the network. */
    private static final String ALL_INSTANCES = "";

    static List<Rule> all() {
        return List.of(ADMIN_PORTS, ADMIN_PORTS_ACROSS_RULES, PRIVATE_GOOGLE_ACCESS);
    }

    static final Rule ADMIN_PORTS = Rule.define("gcp-firewall-admin-ports-not-open")
            .title("No firewall rule admits SSH or RDP (or all ports) from a large share of the internet")
            .why("Port 22 and 3389 open to the internet draw constant password and exploit attempts. The source ranges"
                    + " are judged together (Ipv4Ranges): 0.0.0.0/1 plus 128.0.0.0/1 is as open as 0.0.0.0/0, and a rule"
                    + " allowing every port or protocol \"all\" opens 22 too. At most a /16 of public addresses; SSH goes"
                    + " through IAP (35.235.240.0/20). Mandatory: exposure.")
            .fix("Allow SSH from the IAP range and named office or VPN ranges only; never open all ports to the internet.")
            .mandatory().publicIds("CKV_GCP_2", "CKV_GCP_3", "CIS GCP 3.6", "CIS GCP 3.7").appliesTo(FIREWALL)
            .perResource((firewall, ctx) -> {
                if (!AdminPorts.isEnabledIngress(firewall)) {
                    return List.of();
                }
                List<String> problems = new ArrayList<>();
                for (int port : AdminPorts.PORTS.keySet()) {
                    List<String> sources = AdminPorts.gcpSources(firewall);
                    if (AdminPorts.gcpAdmits(firewall, port) && AdminPorts.wide(sources)) {
                        problems.add("Admits " + AdminPorts.describe(port, sources) + ".");
                    }
                }
                return problems;
            });

    static final Rule ADMIN_PORTS_ACROSS_RULES = Rule.define("gcp-firewall-admin-ports-across-rules")
            .title("Firewall rules reaching the same instances do not together open SSH or RDP to the internet")
            .why("Ranges split over several rules add up: two rules each admitting a /16 to the same instances stay within"
                    + " the per-rule limit but together admit twice as much. Rules already too wide on their own are"
                    + " left to gcp-firewall-admin-ports-not-open."
                    + " Rules are grouped by network and target (tag or service account; rules without a target reach"
                    + " every instance). Mandatory: exposure.")
            .fix("Merge the rules and narrow the sources to IAP and named office or VPN ranges.")
            .mandatory().publicIds("CKV_GCP_2", "CKV_GCP_3").appliesTo(FIREWALL)
            .onGraph(NetworkRules::splitAcrossRules);

    private static List<Rule.Finding> splitAcrossRules(ResourceGraph graph, PolicyContext ctx) {
        List<Rule.Finding> out = new ArrayList<>();
        Set<List<String>> reported = new LinkedHashSet<>();
        for (int port : AdminPorts.PORTS.keySet()) {
            Map<String, List<ResourceNode>> byNetwork = new LinkedHashMap<>();
            for (ResourceNode fw : graph.ofType(FIREWALL)) {
                String network = Inputs.at(fw, "network").text();
                if (network != null && !Inputs.isUnknown(network) && AdminPorts.isEnabledIngress(fw)
                        && AdminPorts.gcpAdmits(fw, port)) {
                    byNetwork.computeIfAbsent(network, k -> new ArrayList<>()).add(fw);
                }
            }
            for (List<ResourceNode> rules : byNetwork.values()) {
                Set<String> targets = new LinkedHashSet<>();
                targets.add(ALL_INSTANCES);
                rules.forEach(fw -> targets.addAll(targets(fw)));
                for (String target : targets) {
                    List<ResourceNode> reaching = rules.stream()
                            .filter(fw -> targets(fw).isEmpty() || targets(fw).contains(target)).toList();
                    if (reaching.size() < 2 || reaching.stream().anyMatch(fw -> AdminPorts.wide(AdminPorts.gcpSources(fw)))) {
                        continue; // one rule alone: gcp-firewall-admin-ports-not-open reports it
                    }
                    List<String> sources = new ArrayList<>();
                    reaching.forEach(fw -> sources.addAll(AdminPorts.gcpSources(fw)));
                    List<String> names = reaching.stream().map(ResourceNode::name).toList();
                    if (AdminPorts.wide(sources) && reported.add(names)) {
                        out.add(new Rule.Finding(reaching.get(0), "Together with " + String.join(", ",
                                names.subList(1, names.size())) + ", admits " + AdminPorts.describe(port, sources) + "."));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> targets(ResourceNode fw) {
        Set<String> t = new LinkedHashSet<>(Inputs.texts(Inputs.at(fw, "targetTags")));
        Inputs.texts(Inputs.at(fw, "targetServiceAccounts")).forEach(sa -> t.add("serviceAccount:" + sa));
        return t;
    }

    static final Rule PRIVATE_GOOGLE_ACCESS = Rule.define("gcp-subnet-private-google-access")
            .title("Subnets reach Google APIs privately")
            .why("Pool VMs have no public IP; with private Google access they reach Secret Manager, Cloud Logging and"
                    + " the Cloud SQL Admin API without going through Cloud NAT (fewer NAT ports and costs, and the"
                    + " boot still works if NAT is saturated). Advisory: with NAT the VMs still work.")
            .fix("Set privateIpGoogleAccess to true on the subnetwork.")
            .advisory().publicIds("CKV_GCP_74").appliesTo(SUBNETWORK)
            .perResource((subnet, ctx) -> {
                Inputs.Lookup access = Inputs.at(subnet, "privateIpGoogleAccess");
                return access.isTrue() || access.unknown() ? List.of()
                        : List.of("privateIpGoogleAccess is " + (access.missing() ? "not set (off)" : "off") + ".");
            });
}
