package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.BACKEND_SERVICE;
import static io.stagecraft.policy.ResourceTypes.CERTIFICATE_MANAGER_CERTIFICATE;
import static io.stagecraft.policy.ResourceTypes.CERTIFICATE_MAP;
import static io.stagecraft.policy.ResourceTypes.CERTIFICATE_MAP_ENTRY;
import static io.stagecraft.policy.ResourceTypes.MANAGED_SSL_CERTIFICATE;
import static io.stagecraft.policy.ResourceTypes.TARGET_HTTPS_PROXY;
import static io.stagecraft.policy.ResourceTypes.TARGET_HTTP_PROXY;
import static io.stagecraft.policy.ResourceTypes.URL_MAP;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;

/** The global HTTPS load balancer: HTTPS with a managed certificate, HTTP only redirecting, Cloud Armor in front. */
final class LoadBalancerRules {
    private LoadBalancerRules() {
    }

    static List<Rule> all() {
        return List.of(MANAGED_CERTIFICATE, HTTP_REDIRECTS, CLOUD_ARMOR);
    }

    static final Rule MANAGED_CERTIFICATE = Rule.define("gcp-lb-https-managed-certificate")
            .title("HTTPS proxies carry at least one Google-managed certificate")
            .why("A Google-managed certificate renews itself; an uploaded one expires on a date someone must remember,"
                    + " and an expired certificate takes the whole site down. Behind a proxied Cloudflare record the"
                    + " proxy serves a Certificate Manager map instead, whose certificates are Google-managed too"
                    + " (validated by DNS). Advisory: a stack may have its reasons to upload a certificate, with a"
                    + " waiver.")
            .fix("Create a ManagedSslCertificate for the stack's domains and list it in the proxy's sslCertificates,"
                    + " or serve a certificate map whose entries use Google-managed Certificate Manager certificates.")
            .advisory().appliesTo(TARGET_HTTPS_PROXY, MANAGED_SSL_CERTIFICATE, CERTIFICATE_MAP, CERTIFICATE_MAP_ENTRY,
                    CERTIFICATE_MANAGER_CERTIFICATE)
            .onGraph(LoadBalancerRules::withoutManagedCertificate);

    private static List<Rule.Finding> withoutManagedCertificate(ResourceGraph graph, PolicyContext ctx) {
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode proxy : graph.ofType(TARGET_HTTPS_PROXY)) {
            Inputs.Lookup map = Inputs.at(proxy, "certificateMap");
            if (map.present() || map.unknown()) {
                if (map.present()) {
                    mapWithoutManagedCertificates(graph, map.text()).ifPresent(m -> out.add(new Rule.Finding(proxy, m)));
                }
                continue;
            }
            Inputs.Lookup certificates = Inputs.at(proxy, "sslCertificates");
            if (Inputs.hasUnknown(certificates)) {
                continue;
            }
            boolean managed = Inputs.texts(certificates).stream()
                    .anyMatch(ref -> !References.resolve(graph, MANAGED_SSL_CERTIFICATE, ref).isEmpty());
            if (!managed) {
                out.add(new Rule.Finding(proxy, Inputs.texts(certificates).isEmpty() ? "It lists no certificate."
                        : "None of its certificates (" + String.join(", ", Inputs.texts(certificates))
                        + ") is a Google-managed certificate in this stack."));
            }
        }
        return out;
    }

    /**
     * What is wrong with a certificate map the proxy serves, if anything: it must be in the stack and each of its
     * entries must name a Google-managed Certificate Manager certificate of the stack (references not yet known pass).
     */
    private static java.util.Optional<String> mapWithoutManagedCertificates(ResourceGraph graph, String reference) {
        List<ResourceNode> maps = References.resolve(graph, CERTIFICATE_MAP, reference);
        if (maps.isEmpty()) {
            return java.util.Optional.of("Its certificate map " + reference + " is not in this stack.");
        }
        List<ResourceNode> entries = graph.ofType(CERTIFICATE_MAP_ENTRY).stream()
                .filter(e -> References.refersTo(Inputs.at(e, "map").value(), maps.get(0))).toList();
        if (entries.isEmpty()) {
            return java.util.Optional.of("Its certificate map " + maps.get(0).name() + " has no entry.");
        }
        List<String> unmanaged = new ArrayList<>();
        for (ResourceNode entry : entries) {
            Inputs.Lookup certificates = Inputs.at(entry, "certificates");
            if (Inputs.hasUnknown(certificates)) {
                continue;
            }
            boolean managed = Inputs.texts(certificates).stream().anyMatch(ref ->
                    References.resolve(graph, CERTIFICATE_MANAGER_CERTIFICATE, ref).stream()
                            .anyMatch(c -> Inputs.at(c, "managed").present()));
            if (!managed) {
                unmanaged.add(entry.name());
            }
        }
        return unmanaged.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("The entries "
                + String.join(", ", unmanaged) + " of its certificate map name no Google-managed certificate.");
    }

    static final Rule HTTP_REDIRECTS = Rule.define("gcp-lb-http-redirects-to-https")
            .title("The HTTP listener only redirects to HTTPS")
            .why("Anything served over plain HTTP (session cookies, API tokens, form posts) can be read and changed on"
                    + " the way. The port-80 proxy's URL map must do nothing but redirect (defaultUrlRedirect with"
                    + " httpsRedirect true, no service, host rules or path matchers). Mandatory: credentials in clear"
                    + " text.")
            .fix("Point the HTTP proxy at a URL map with only defaultUrlRedirect { httpsRedirect: true }.")
            .mandatory().appliesTo(TARGET_HTTP_PROXY, URL_MAP)
            .onGraph(LoadBalancerRules::httpServingTraffic);

    private static List<Rule.Finding> httpServingTraffic(ResourceGraph graph, PolicyContext ctx) {
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode proxy : graph.ofType(TARGET_HTTP_PROXY)) {
            for (ResourceNode map : References.resolve(graph, URL_MAP, Inputs.at(proxy, "urlMap").value())) {
                List<String> serves = new ArrayList<>();
                for (String field : List.of("defaultService", "hostRules", "pathMatchers", "defaultRouteAction")) {
                    if (Inputs.at(map, field).present()) {
                        serves.add(field);
                    }
                }
                boolean redirects = Inputs.at(map, "defaultUrlRedirect.httpsRedirect").isTrue();
                if (!serves.isEmpty()) {
                    out.add(new Rule.Finding(proxy, "Its URL map " + map.name() + " serves traffic over plain HTTP ("
                            + String.join(", ", serves) + ")."));
                } else if (!redirects && !Inputs.at(map, "defaultUrlRedirect").unknown()) {
                    out.add(new Rule.Finding(proxy, "Its URL map " + map.name()
                            + " does not redirect to HTTPS (defaultUrlRedirect.httpsRedirect is not true)."));
                }
            }
        }
        return out;
    }

    static final Rule CLOUD_ARMOR = Rule.define("gcp-lb-backend-cloud-armor")
            .title("Every external backend service has a Cloud Armor security policy")
            .why("Cloud Armor rate-limits and filters requests at Google's edge before they reach the pools; without it"
                    + " one abusive client can exhaust the autoscaler's maximum. Internal backends are exempt. Advisory:"
                    + " a hardening layer with a monthly cost, not a hole by itself.")
            .fix("Attach a SecurityPolicy (GcpCloudArmor) through the backend service's securityPolicy.")
            .advisory().appliesTo(BACKEND_SERVICE)
            .perResource((backend, ctx) -> {
                Inputs.Lookup scheme = Inputs.at(backend, "loadBalancingScheme");
                boolean external = scheme.missing() || scheme.is("EXTERNAL") || scheme.is("EXTERNAL_MANAGED");
                Inputs.Lookup policy = Inputs.at(backend, "securityPolicy");
                if (!external || policy.unknown() || (policy.present() && !policy.text().isEmpty())) {
                    return List.of();
                }
                return List.of("No Cloud Armor security policy is attached.");
            });
}
