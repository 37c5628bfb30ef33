package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.BackendService;
import com.pulumi.gcp.compute.BackendServiceArgs;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.GlobalForwardingRule;
import com.pulumi.gcp.compute.GlobalForwardingRuleArgs;
import com.pulumi.gcp.compute.ManagedSslCertificate;
import com.pulumi.gcp.compute.ManagedSslCertificateArgs;
import com.pulumi.gcp.compute.TargetHttpProxy;
import com.pulumi.gcp.compute.TargetHttpProxyArgs;
import com.pulumi.gcp.compute.TargetHttpsProxy;
import com.pulumi.gcp.compute.TargetHttpsProxyArgs;
import com.pulumi.gcp.compute.URLMap;
import com.pulumi.gcp.compute.URLMapArgs;
import com.pulumi.gcp.compute.inputs.BackendServiceBackendArgs;
import com.pulumi.gcp.compute.inputs.BackendServiceLogConfigArgs;
import com.pulumi.gcp.compute.inputs.ManagedSslCertificateManagedArgs;
import com.pulumi.gcp.compute.inputs.URLMapDefaultUrlRedirectArgs;
import com.pulumi.gcp.compute.inputs.URLMapHostRuleArgs;
import com.pulumi.gcp.compute.inputs.URLMapPathMatcherArgs;
import com.pulumi.gcp.compute.inputs.URLMapPathMatcherPathRuleArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.components.Moved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global external HTTPS load balancer: a static global IP, a Google-managed certificate for the stack's domains
 * (or, behind an edge, a Certificate Manager map whose certificates validate by DNS),
 * a URL map ({@code /api/*} to the HTTP pool, {@code /ws/*} to the websocket pool with client-IP affinity and a one
 * hour timeout, {@code /static/*} and {@code /media/*} to the CDN-backed bucket, the rest to the HTTP pool), Cloud
 * Armor on both backend services, and an HTTP listener that only redirects to HTTPS. CDN is off on the backend
 * services: API responses are never cached.
 *
 * <p>Buckets only ({@link Args#bucketsOnly}): the same load balancer without backend services, serving
 * {@code /static/*} and {@code /media/*} from the CDN-backed bucket, HTTPS only (the enterprise stage's assets, where
 * the pods sit behind each region's GKE Gateway and the edge redirects plain HTTP itself).
 */
public final class GcpLoadBalancer extends ComponentResource {
    public static final int API_TIMEOUT_SEC = 30;
    public static final int WEBSOCKET_TIMEOUT_SEC = 3600;

    private final GlobalAddress address;

    public GcpLoadBalancer(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:LoadBalancer", name, opts);
        this.address = new GlobalAddress(name + "-ip", GlobalAddressArgs.builder()
                .description("Stagecraft load balancer IP: point the domains' DNS here")
                .build(), Moved.keep(CustomResourceOptions.builder().parent(this).protect(args.protectAddress()),
                args.moved(), "-ip").build());
        URLMapPathMatcherArgs.Builder paths = URLMapPathMatcherArgs.builder().name("paths");
        List<URLMapPathMatcherPathRuleArgs> rules = new ArrayList<>();
        Output<String> defaultService;
        if (args.api() != null) {
            BackendService api = backendService(name + "-api", "HTTP API pool", API_TIMEOUT_SEC, 60, "NONE", args.api(),
                    args.securityPolicy(), BackendServiceBackendArgs.builder()
                            .group(args.api().instanceGroup())
                            .balancingMode("RATE")
                            .maxRatePerInstance(args.api().maxRatePerInstance())
                            .capacityScaler(1.0)
                            .build());
            BackendService websocket = backendService(name + "-ws", "Websocket pool: sticky by client IP, long-lived"
                            + " connections", WEBSOCKET_TIMEOUT_SEC, 300, "CLIENT_IP", args.websocket(),
                    args.securityPolicy(), BackendServiceBackendArgs.builder()
                            .group(args.websocket().instanceGroup())
                            .balancingMode("UTILIZATION")
                            .maxUtilization(0.8)
                            .capacityScaler(1.0)
                            .build());
            defaultService = api.id();
            rules.add(URLMapPathMatcherPathRuleArgs.builder().paths("/api/*").service(api.id()).build());
            rules.add(URLMapPathMatcherPathRuleArgs.builder().paths("/ws/*").service(websocket.id()).build());
        } else {
            defaultService = args.staticBackend();
        }
        rules.add(URLMapPathMatcherPathRuleArgs.builder().paths("/static/*").service(args.staticBackend()).build());
        rules.add(URLMapPathMatcherPathRuleArgs.builder().paths("/media/*").service(args.mediaBackend()).build());
        URLMap routes = new URLMap(name + "-routes", URLMapArgs.builder()
                .description("Routes by path")
                .defaultService(defaultService)
                .hostRules(URLMapHostRuleArgs.builder().hosts("*").pathMatcher("paths").build())
                .pathMatchers(paths.defaultService(defaultService).pathRules(rules).build())
                .build(), kept(args, "-routes"));
        TargetHttpsProxyArgs.Builder proxy = TargetHttpsProxyArgs.builder().urlMap(routes.id());
        if (args.certificateMap() != null) {
            proxy.certificateMap(args.certificateMap());
        } else {
            List<Output<String>> certificates = new ArrayList<>();
            for (List<String> domains : args.certificateDomainSets()) {
                certificates.add(new ManagedSslCertificate(certificateName(name, domains), ManagedSslCertificateArgs.builder()
                        .description("Google-managed certificate for " + String.join(", ", domains))
                        .managed(ManagedSslCertificateManagedArgs.builder().domains(domains).build())
                        .build(), ChildOptions.of(this)).id());
            }
            proxy.sslCertificates(Output.all(certificates));
        }
        TargetHttpsProxy https = new TargetHttpsProxy(name + "-https", proxy.build(), kept(args, "-https"));
        new GlobalForwardingRule(name + "-https", GlobalForwardingRuleArgs.builder()
                .loadBalancingScheme("EXTERNAL_MANAGED")
                .ipProtocol("TCP")
                .portRange("443")
                .ipAddress(address.address())
                .target(https.id())
                .labels(args.labels())
                .build(), kept(args, "-https"));
        if (args.httpListener()) {
            URLMap redirect = new URLMap(name + "-redirect", URLMapArgs.builder()
                    .description("HTTP to HTTPS")
                    .defaultUrlRedirect(URLMapDefaultUrlRedirectArgs.builder()
                            .httpsRedirect(true)
                            .redirectResponseCode("MOVED_PERMANENTLY_DEFAULT")
                            .stripQuery(false)
                            .build())
                    .build(), ChildOptions.of(this));
            TargetHttpProxy http = new TargetHttpProxy(name + "-http", TargetHttpProxyArgs.builder()
                    .urlMap(redirect.id())
                    .build(), ChildOptions.of(this));
            new GlobalForwardingRule(name + "-http", GlobalForwardingRuleArgs.builder()
                    .loadBalancingScheme("EXTERNAL_MANAGED")
                    .ipProtocol("TCP")
                    .portRange("80")
                    .ipAddress(address.address())
                    .target(http.id())
                    .labels(args.labels())
                    .build(), ChildOptions.of(this));
        }
        registerOutputs(Map.of("ip", address.address()));
    }

    /** A child that keeps the identity an earlier stage gave it, when this load balancer was declared there. */
    private CustomResourceOptions kept(Args args, String suffix) {
        return Moved.keep(CustomResourceOptions.builder().parent(this), args.moved(), suffix).build();
    }

    /** A backend service for a pool: Envoy-based global load balancing, Cloud Armor on, CDN off, sampled logs. */
    private BackendService backendService(String name, String description, int timeoutSec, int drainingSec,
                                          String affinity, Backend pool, Output<String> securityPolicy,
                                          BackendServiceBackendArgs backend) {
        return new BackendService(name, BackendServiceArgs.builder()
                .description(description)
                .loadBalancingScheme("EXTERNAL_MANAGED")
                .protocol("HTTP")
                .portName(GcpInstancePool.PORT_NAME)
                .timeoutSec(timeoutSec)
                .connectionDrainingTimeoutSec(drainingSec)
                .healthChecks(pool.healthCheck())
                .securityPolicy(securityPolicy)
                .enableCdn(false)
                .sessionAffinity(affinity)
                .logConfig(BackendServiceLogConfigArgs.builder().enable(true).sampleRate(0.1).build())
                .backends(backend)
                .build(), ChildOptions.of(this));
    }

    /**
     * A certificate's logical name follows its domains: a new domain set is a new certificate created beside the old
     * one (managed certificates cannot change their domains), never a replacement of the one serving traffic.
     */
    static String certificateName(String component, List<String> domains) {
        return component + "-cert-" + DomainDigest.of(domains);
    }

    public Output<String> ip() {
        return address.address();
    }

    /**
     * A pool behind the load balancer.
     *
     * @param maxRatePerInstance requests/s one instance serves at full capacity (API pool; ignored for websockets)
     */
    public record Backend(Output<String> instanceGroup, Output<String> healthCheck, double maxRatePerInstance) {
    }

    /**
     * @param certificateDomainSets one managed certificate per set, all attached: the stack's domains first, then the
     *                              last deployment's domains while they differ, so the certificate serving traffic
     *                              stays attached until its successor is provisioned. Empty with a certificate map
     * @param certificateMap        a Certificate Manager map the HTTPS proxy serves instead (behind an edge, where a
     *                              managed SSL certificate cannot validate), or null
     * @param api                   the API pool, or null for a load balancer of the buckets only (then also no
     *                              websocket pool and no security policy)
     * @param httpListener          whether port 80 answers (with a redirect to HTTPS)
     * @param moved                 this load balancer as an earlier stage declared it (its address, URL map, HTTPS
     *                              proxy and rule keep their identity), or empty
     */
    public record Args(List<List<String>> certificateDomainSets, Backend api, Backend websocket,
                       Output<String> staticBackend, Output<String> mediaBackend, Output<String> securityPolicy,
                       boolean protectAddress, Map<String, String> labels, Output<String> certificateMap,
                       boolean httpListener, Optional<Moved> moved) {
        /** A managed certificate covers at most 100 domains; a target proxy holds at most 15 certificates. */
        public static final int MAX_DOMAINS_PER_CERTIFICATE = 100;
        public static final int MAX_CERTIFICATES = 15;

        /** Google-managed SSL certificates for the domain sets. */
        public Args(List<List<String>> certificateDomainSets, Backend api, Backend websocket, Output<String> staticBackend,
                    Output<String> mediaBackend, Output<String> securityPolicy, boolean protectAddress,
                    Map<String, String> labels) {
            this(certificateDomainSets, api, websocket, staticBackend, mediaBackend, securityPolicy, protectAddress, labels,
                    null, true, Optional.empty());
        }

        /** Both pools, with a certificate map or managed certificates, and the HTTP redirect. */
        public Args(List<List<String>> certificateDomainSets, Backend api, Backend websocket, Output<String> staticBackend,
                    Output<String> mediaBackend, Output<String> securityPolicy, boolean protectAddress,
                    Map<String, String> labels, Output<String> certificateMap) {
            this(certificateDomainSets, api, websocket, staticBackend, mediaBackend, securityPolicy, protectAddress, labels,
                    certificateMap, true, Optional.empty());
        }

        /**
         * The CDN-backed bucket alone, over HTTPS with a certificate map; {@code moved}: the load balancer an earlier
         * stage declared, whose address it keeps.
         */
        public static Args bucketsOnly(Output<String> staticBackend, Output<String> mediaBackend,
                                       Output<String> certificateMap, boolean protectAddress, Map<String, String> labels,
                                       Optional<Moved> moved) {
            return new Args(List.of(), null, null, staticBackend, mediaBackend, null, protectAddress, labels,
                    certificateMap, false, moved);
        }

        public Args {
            if ((api == null) != (websocket == null)) {
                throw new IllegalArgumentException("both pools or neither");
            }
            certificateDomainSets = certificateDomainSets.stream().map(List::copyOf).toList();
            labels = Map.copyOf(labels);
            if (certificateMap != null) {
                if (!certificateDomainSets.isEmpty()) {
                    throw new IllegalArgumentException("either a certificate map or managed certificates, not both");
                }
            } else if (certificateDomainSets.isEmpty() || certificateDomainSets.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("a managed certificate needs at least one domain");
            }
            if (certificateDomainSets.size() > MAX_CERTIFICATES
                    || certificateDomainSets.stream().anyMatch(d -> d.size() > MAX_DOMAINS_PER_CERTIFICATE)) {
                throw new IllegalArgumentException("at most " + MAX_CERTIFICATES + " certificates of at most "
                        + MAX_DOMAINS_PER_CERTIFICATE + " domains each");
            }
        }
    }
}
