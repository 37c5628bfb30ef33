package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * The {@code origin} of a {@code route} rule's action parameters (an origin rule, phase {@code http_request_origin}):
 * v6.17.0 {@code host}, the DNS record whose address the request goes to instead of its own host's (Cloudflare's "DNS
 * record override": a proxied record of the same zone; the request keeps its Host header and SNI).
 */
public final class RulesetOriginArgs extends ResourceArgs {
    @Import(name = "host")
    private final Output<String> host;

    private RulesetOriginArgs(String host) {
        this.host = Output.of(Checks.notBlank("RulesetRule.actionParameters.origin.host", host,
                "a host name of a proxied DNS record in the zone, e.g. assets-origin.example.com"));
    }

    public static RulesetOriginArgs host(String host) {
        return new RulesetOriginArgs(host);
    }
}
