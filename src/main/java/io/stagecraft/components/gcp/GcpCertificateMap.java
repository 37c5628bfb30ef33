package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.certificatemanager.Certificate;
import com.pulumi.gcp.certificatemanager.CertificateArgs;
import com.pulumi.gcp.certificatemanager.CertificateMap;
import com.pulumi.gcp.certificatemanager.CertificateMapArgs;
import com.pulumi.gcp.certificatemanager.CertificateMapEntry;
import com.pulumi.gcp.certificatemanager.CertificateMapEntryArgs;
import com.pulumi.gcp.certificatemanager.DnsAuthorization;
import com.pulumi.gcp.certificatemanager.DnsAuthorizationArgs;
import com.pulumi.gcp.certificatemanager.inputs.CertificateManagedArgs;
import com.pulumi.gcp.certificatemanager.outputs.DnsAuthorizationDnsResourceRecord;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.Moved;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.edge.EdgeOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google-managed certificates that provision behind a proxy: Certificate Manager validates each domain by a DNS
 * authorization (a CNAME at {@code _acme-challenge.<domain>}) instead of by the domain resolving to the load
 * balancer, which a proxied Cloudflare record never does. One authorization, certificate and map entry per domain,
 * so adding or removing a domain leaves the others' certificates serving; the load balancer's HTTPS proxy takes the
 * map.
 *
 * <p>The CNAME records themselves belong to the edge ({@link #validations()}): they are DNS-only records in the
 * Cloudflare zone. Until they exist a certificate stays PROVISIONING; Google keeps checking and issues it once they
 * resolve.
 */
public final class GcpCertificateMap extends ComponentResource {
    /** Certificate Manager's API host, which a target proxy's certificateMap reference starts with. */
    public static final String API_PREFIX = "//certificatemanager.googleapis.com/";

    private final CertificateMap map;
    private final List<EdgeOrigin.DnsValidation> validations = new ArrayList<>();

    public GcpCertificateMap(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:CertificateMap", name, opts);
        this.map = new CertificateMap(name + "-map", CertificateMapArgs.builder()
                .description("Stagecraft certificates, one entry per domain")
                .labels(args.labels())
                .build(), kept(args, "-map"));
        for (String domain : args.domains()) {
            // a digest, not the domain, in the names: auto-named physical names stay within 63 characters
            String slug = DomainDigest.of(List.of(domain));
            DnsAuthorization auth = new DnsAuthorization(name + "-auth-" + slug, DnsAuthorizationArgs.builder()
                    .domain(domain)
                    .description("DNS authorization for " + domain)
                    .labels(args.labels())
                    .build(), kept(args, "-auth-" + slug));
            Certificate certificate = new Certificate(name + "-cert-" + slug, CertificateArgs.builder()
                    .description("Google-managed certificate for " + domain + ", validated by DNS")
                    .managed(CertificateManagedArgs.builder()
                            .domains(domain)
                            .dnsAuthorizations(auth.id().applyValue(List::of))
                            .build())
                    .labels(args.labels())
                    .build(), kept(args, "-cert-" + slug));
            new CertificateMapEntry(name + "-entry-" + slug, CertificateMapEntryArgs.builder()
                    .map(map.name())
                    .hostname(domain)
                    .certificates(certificate.id().applyValue(List::of))
                    .description("Certificate for " + domain)
                    .labels(args.labels())
                    .build(), kept(args, "-entry-" + slug));
            validations.add(new EdgeOrigin.DnsValidation(domain, validationName(domain),
                    auth.dnsResourceRecords().applyValue(records -> cnameTarget(domain, records))));
        }
        registerOutputs(Map.of("certificateMap", reference()));
    }

    /** A child keeping the identity an earlier stage gave it (its DNS authorization and record stay valid). */
    private CustomResourceOptions kept(Args args, String suffix) {
        return Moved.keep(CustomResourceOptions.builder().parent(this), args.moved(), suffix).build();
    }

    /** Where Certificate Manager looks for a domain's authorization record (its documented fixed name). */
    public static String validationName(String domain) {
        return "_acme-challenge." + domain;
    }

    /**
     * The target of the CNAME the authorization asks for, without the trailing dot (Cloudflare stores names without
     * it). An authorization naming another record than the documented one stops the deployment rather than creating
     * a record that validates nothing.
     */
    static String cnameTarget(String domain, List<DnsAuthorizationDnsResourceRecord> records) {
        String expected = validationName(domain);
        for (DnsAuthorizationDnsResourceRecord r : records) {
            String name = withoutDot(r.name().orElse(""));
            if (name.equals(expected) && "CNAME".equals(r.type().orElse(null)) && r.data().isPresent()) {
                return withoutDot(r.data().get());
            }
        }
        throw new IllegalStateException("Certificate Manager's DNS authorization for " + domain + " asks for "
                + records.stream().map(r -> r.type().orElse("?") + " " + r.name().orElse("?")).toList()
                + ", not the CNAME " + expected + " Stagecraft creates");
    }

    private static String withoutDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** The map's name, as a GKE Gateway's certificate-map annotation names it. */
    public Output<String> mapName() {
        return map.name();
    }

    /** The map as a target HTTPS proxy references it. */
    public Output<String> reference() {
        return map.id().applyValue(id -> API_PREFIX + id);
    }

    /** The DNS-only records the edge must create for the certificates to be issued. */
    public List<EdgeOrigin.DnsValidation> validations() {
        return List.copyOf(validations);
    }

    /**
     * @param domains one certificate each, at most 100 (a stack's domains setting allows no more)
     * @param moved   this component as an earlier stage declared it, or empty
     */
    public record Args(List<String> domains, Map<String, String> labels, Optional<Moved> moved) {
        public static final int MAX_DOMAINS = 100;

        public Args(List<String> domains, Map<String, String> labels) {
            this(domains, labels, Optional.empty());
        }

        public Args {
            domains = List.copyOf(domains);
            labels = Map.copyOf(labels);
            if (domains.isEmpty() || domains.size() > MAX_DOMAINS) {
                throw new IllegalArgumentException("1 to " + MAX_DOMAINS + " domains");
            }
        }
    }
}
