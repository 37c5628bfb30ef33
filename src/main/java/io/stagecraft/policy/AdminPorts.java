package io.stagecraft.policy;

import io.stagecraft.engine.ResourceNode;
import io.stagecraft.net.Ipv4Ranges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a firewall rule or security group admits an administrative port (SSH, RDP) from a large share of the
 * internet, judging all of its source ranges together (two {@code /1} ranges are as open as one {@code /0}), with
 * {@link Ipv4Ranges}. Unknown values never count as open: a rule must not fail on what it cannot see.
 */
final class AdminPorts {
    /** The administrative ports, by name. */
    static final Map<Integer, String> PORTS = orderedPorts();
    /**
     * An IPv6 source wider than a /48 (one site's allocation) counts as a large share of the internet; the IPv4
     * judgement is {@link Ipv4Ranges#opensAdminPortWidely}.
     */
    static final int IPV6_WIDEST_SITE_PREFIX = 48;

    private AdminPorts() {
    }

    private static Map<Integer, String> orderedPorts() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(22, "SSH");
        m.put(3389, "RDP");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** True when the sources together admit a large share of the internet. */
    static boolean wide(Collection<String> sources) {
        return Ipv4Ranges.opensAdminPortWidely(ipv4(sources)) || sources.stream().anyMatch(AdminPorts::wideIpv6);
    }

    /** E.g. "SSH (port 22) from 0.0.0.0/1, 128.0.0.0/1: together 2,147,483,648 public IPv4 addresses". */
    static String describe(int port, Collection<String> sources) {
        StringBuilder sb = new StringBuilder(PORTS.get(port) + " (port " + port + ") from " + String.join(", ", sources)
                + ": together " + String.format(Locale.ROOT, "%,d", Ipv4Ranges.publicAddresses(ipv4(sources)))
                + " public IPv4 addresses");
        if (sources.stream().anyMatch(AdminPorts::wideIpv6)) {
            sb.append(" and an IPv6 range wider than a /").append(IPV6_WIDEST_SITE_PREFIX);
        }
        return sb.append(", more than the ").append(String.format(Locale.ROOT, "%,d", Ipv4Ranges.MAX_PUBLIC_ADMIN_ADDRESSES))
                .append(" (a /16) an administrative port may take").toString();
    }

    private static List<String> ipv4(Collection<String> sources) {
        return sources.stream().filter(s -> !s.contains(":")).toList();
    }

    private static boolean wideIpv6(String cidr) {
        int slash = cidr.indexOf('/');
        if (!cidr.contains(":") || slash < 0 || !cidr.substring(slash + 1).matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(cidr.substring(slash + 1)) < IPV6_WIDEST_SITE_PREFIX;
    }

    // --- GCP firewall rules ---

    /** An enabled ingress rule (direction defaults to INGRESS). */
    static boolean isEnabledIngress(ResourceNode firewall) {
        Inputs.Lookup direction = Inputs.at(firewall, "direction");
        return (direction.missing() || direction.is("INGRESS")) && !Inputs.at(firewall, "disabled").isTrue();
    }

    /** True when one of the rule's allow entries admits the TCP port (protocol "all", or tcp with no ports, counts). */
    static boolean gcpAdmits(ResourceNode firewall, int port) {
        for (Object allow : Inputs.at(firewall, "allows").items()) {
            Inputs.Lookup protocol = Inputs.at(allow, "protocol");
            if (protocol.is("all")) {
                return true;
            }
            if (protocol.is("tcp") || protocol.is("6")) {
                Inputs.Lookup ports = Inputs.at(allow, "ports");
                if (ports.missing() || (ports.present() && ports.items().isEmpty())) {
                    return true; // no ports: every port
                }
                for (String p : Inputs.texts(ports)) {
                    if (portInSpec(port, p)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The known sources of an ingress rule. With neither source ranges nor source tags or service accounts, GCP
     * admits any source (0.0.0.0/0).
     */
    static List<String> gcpSources(ResourceNode firewall) {
        Inputs.Lookup ranges = Inputs.at(firewall, "sourceRanges");
        if (absent(ranges) && absent(Inputs.at(firewall, "sourceTags"))
                && absent(Inputs.at(firewall, "sourceServiceAccounts"))) {
            return List.of("0.0.0.0/0");
        }
        return Inputs.texts(ranges);
    }

    /** Not given, or given as an empty list (the API reads both the same way). */
    private static boolean absent(Inputs.Lookup list) {
        return list.missing() || (list.present() && list.items().isEmpty() && list.value() instanceof List);
    }

    private static boolean portInSpec(int port, String spec) {
        String[] bounds = spec.trim().split("-");
        try {
            int low = Integer.parseInt(bounds[0].trim());
            int high = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : low;
            return low <= port && port <= high;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // --- AWS security groups and their rules ---

    /** The known sources of all of a security group resource's permissions that admit the port. */
    static List<String> awsSources(ResourceNode resource, int port) {
        List<String> sources = new ArrayList<>();
        switch (resource.type()) {
            case ResourceTypes.SECURITY_GROUP -> {
                for (Object ingress : Inputs.at(resource, "ingress").items()) {
                    if (awsAdmits(Inputs.at(ingress, "protocol"), Inputs.at(ingress, "fromPort"), Inputs.at(ingress, "toPort"), port)) {
                        sources.addAll(Inputs.texts(Inputs.at(ingress, "cidrBlocks")));
                        sources.addAll(Inputs.texts(Inputs.at(ingress, "ipv6CidrBlocks")));
                    }
                }
            }
            case ResourceTypes.SECURITY_GROUP_RULE -> {
                if (Inputs.at(resource, "type").is("ingress") && awsAdmits(Inputs.at(resource, "protocol"),
                        Inputs.at(resource, "fromPort"), Inputs.at(resource, "toPort"), port)) {
                    sources.addAll(Inputs.texts(Inputs.at(resource, "cidrBlocks")));
                    sources.addAll(Inputs.texts(Inputs.at(resource, "ipv6CidrBlocks")));
                }
            }
            case ResourceTypes.SECURITY_GROUP_INGRESS_RULE -> {
                if (awsAdmits(Inputs.at(resource, "ipProtocol"), Inputs.at(resource, "fromPort"),
                        Inputs.at(resource, "toPort"), port)) {
                    sources.addAll(Inputs.texts(Inputs.at(resource, "cidrIpv4")));
                    sources.addAll(Inputs.texts(Inputs.at(resource, "cidrIpv6")));
                }
            }
            default -> {
            }
        }
        return sources;
    }

    /** Protocol "-1" (or "all") is every port; tcp ("6") admits the ports from fromPort to toPort. */
    private static boolean awsAdmits(Inputs.Lookup protocol, Inputs.Lookup from, Inputs.Lookup to, int port) {
        if (protocol.is("-1") || protocol.is("all")) {
            return true;
        }
        if (!(protocol.is("tcp") || protocol.is("6"))) {
            return false;
        }
        double low = Inputs.number(from);
        double high = Inputs.number(to);
        return low <= port && port <= high; // false when either is unknown (NaN)
    }
}
