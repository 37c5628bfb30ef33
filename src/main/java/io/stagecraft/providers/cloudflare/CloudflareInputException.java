package io.stagecraft.providers.cloudflare;

import io.stagecraft.config.InvalidInputException;

/**
 * An input the Cloudflare API would refuse (or would store differently, so that every preview shows a change),
 * caught while the arguments are built. The key is {@code <Resource>.<input>}, e.g. {@code DnsRecord.ttl}.
 */
public class CloudflareInputException extends InvalidInputException {
    public CloudflareInputException(String key, String value, String problem, String allowed) {
        super(key, value, problem, allowed);
    }
}
