package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * Inputs of a {@link DnsRecord}: a record whose value is its {@code content} (address, host name or text).
 *
 * <p>Schema (v6.17.0): {@code name}, {@code type} and {@code ttl} are required; {@code zoneId} is optional there since
 * v6.15.0 but the API's path needs it, so the binding requires it.
 */
public final class DnsRecordArgs extends ResourceArgs {
    /** Every record type the API knows (upstream schema's list). */
    public static final List<String> API_TYPES = List.of("A", "AAAA", "CNAME", "MX", "NS", "OPENPGPKEY", "PTR", "TXT",
            "CAA", "CERT", "DNSKEY", "DS", "HTTPS", "LOC", "NAPTR", "SMIMEA", "SRV", "SSHFP", "SVCB", "TLSA", "URI");
    /** The types this binding builds: those whose value is the plain {@code content} (MX also needs a priority). */
    public static final List<String> CONTENT_TYPES = List.of("A", "AAAA", "CNAME", "NS", "PTR", "TXT");
    /** Only these can go through Cloudflare's proxy. */
    public static final List<String> PROXIABLE_TYPES = List.of("A", "AAAA", "CNAME");
    /** TTL 1 means automatic; it is the only TTL a proxied record keeps. */
    public static final double AUTOMATIC_TTL = 1;
    static final String TTL_ALLOWED = "1 (automatic), or whole seconds from 30 to 86400 (below 60 only on Enterprise zones)";

    @Import(name = "zoneId", required = true)
    private final Output<String> zoneId;
    @Import(name = "name", required = true)
    private final Output<String> name;
    @Import(name = "type", required = true)
    private final Output<String> type;
    @Import(name = "ttl", required = true)
    private final Output<Double> ttl;
    @Import(name = "content")
    private final Output<String> content;
    @Import(name = "proxied")
    private final Output<Boolean> proxied;
    @Import(name = "comment")
    private final Output<String> comment;

    private DnsRecordArgs(Builder b) {
        this.zoneId = Output.of(Checks.id("DnsRecord.zoneId", b.zoneId));
        this.name = Output.of(hostName(b.name));
        this.type = Output.of(type(b.type));
        this.ttl = Output.of(ttl(b.ttl, b.proxied));
        this.content = Checks.required("DnsRecord.content", b.content, "the record's value: an address, host name or text");
        this.proxied = Checks.output(proxied(b.proxied, b.type));
        this.comment = Checks.output(b.comment);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String hostName(String name) {
        String allowed = "a name in the zone, or @ for the apex, in ASCII (Punycode for international names)";
        Checks.notBlank("DnsRecord.name", name, allowed);
        if (!name.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new CloudflareInputException("DnsRecord.name", name, "has spaces or non-ASCII characters", allowed);
        }
        return name;
    }

    private static String type(String type) {
        String allowed = String.join(", ", CONTENT_TYPES);
        Checks.required("DnsRecord.type", type, allowed);
        if (API_TYPES.contains(type) && !CONTENT_TYPES.contains(type)) {
            throw new CloudflareInputException("DnsRecord.type", type,
                    "needs structured data or a priority, which this binding does not set", allowed);
        }
        if (!CONTENT_TYPES.contains(type)) {
            throw new CloudflareInputException("DnsRecord.type", type, "is not a DNS record type the Cloudflare API accepts",
                    allowed);
        }
        return type;
    }

    private static double ttl(Double ttl, Boolean proxied) {
        Checks.required("DnsRecord.ttl", ttl, TTL_ALLOWED);
        if (ttl != Math.rint(ttl) || !(ttl == AUTOMATIC_TTL || (ttl >= 30 && ttl <= 86400))) {
            throw new CloudflareInputException("DnsRecord.ttl", Checks.number(ttl), "is not a TTL the Cloudflare API accepts",
                    TTL_ALLOWED);
        }
        if (Boolean.TRUE.equals(proxied) && ttl != AUTOMATIC_TTL) {
            // the API stores 1 for a proxied record whatever is sent, so any other value shows as a change on every preview
            throw new CloudflareInputException("DnsRecord.ttl", Checks.number(ttl), "a proxied record's TTL is automatic",
                    "1");
        }
        return ttl;
    }

    private static Boolean proxied(Boolean proxied, String type) {
        if (Boolean.TRUE.equals(proxied) && !PROXIABLE_TYPES.contains(type)) {
            throw new CloudflareInputException("DnsRecord.proxied", "true", "a " + type + " record cannot be proxied",
                    "proxied records of type " + String.join(", ", PROXIABLE_TYPES));
        }
        return proxied;
    }

    public static final class Builder {
        private String zoneId;
        private String name;
        private String type;
        private Double ttl;
        private Output<String> content;
        private Boolean proxied;
        private String comment;

        private Builder() {
        }

        /** The zone's id (32 lower-case hexadecimal characters). */
        public Builder zoneId(String zoneId) {
            this.zoneId = zoneId;
            return this;
        }

        /** The record's name in the zone ({@code www}, {@code www.example.com}, or {@code @} for the apex). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** One of {@link #CONTENT_TYPES}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Seconds; {@link #AUTOMATIC_TTL} (1) for automatic, which proxied records must use. */
        public Builder ttl(double ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder content(String content) {
            return content(content == null ? null : Output.of(content));
        }

        /** The value, e.g. another resource's address output. */
        public Builder content(Output<String> content) {
            this.content = content;
            return this;
        }

        public Builder proxied(boolean proxied) {
            this.proxied = proxied;
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public DnsRecordArgs build() {
            return new DnsRecordArgs(this);
        }
    }
}
