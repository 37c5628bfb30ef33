package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.REDIS;

import java.util.List;

/** Memorystore for Redis: authenticated, encrypted in transit, highly available in prod, keeping sessions. */
final class RedisRules {
    private RedisRules() {
    }

    static List<Rule> all() {
        return List.of(AUTH, TRANSIT_ENCRYPTION, HA_IN_PROD, NO_SESSION_EVICTION);
    }

    static final Rule AUTH = Rule.define("gcp-redis-auth")
            .title("Memorystore requires AUTH")
            .why("Without AUTH any process that can reach the VPC address reads and rewrites sessions and cached data;"
                    + " it is off by default. Mandatory: session hijacking.")
            .fix("Set authEnabled to true and give clients the AUTH string through Secret Manager.")
            .mandatory().publicIds("CKV_GCP_95").appliesTo(REDIS)
            .perResource((redis, ctx) -> {
                Inputs.Lookup auth = Inputs.at(redis, "authEnabled");
                return auth.isTrue() || auth.unknown() ? List.of()
                        : List.of("authEnabled is " + (auth.missing() ? "not set (off)" : "false") + ".");
            });

    static final Rule TRANSIT_ENCRYPTION = Rule.define("gcp-redis-transit-encryption")
            .title("Memorystore encrypts traffic (SERVER_AUTHENTICATION)")
            .why("Without TLS the AUTH string and session data cross the network in clear text. The mode can only be"
                    + " set at creation (changing it replaces the instance), so it must be right from the start."
                    + " Mandatory: credentials in clear text.")
            .fix("Set transitEncryptionMode to SERVER_AUTHENTICATION and connect with rediss:// and the server CA.")
            .mandatory().publicIds("CKV_GCP_97").appliesTo(REDIS)
            .perResource((redis, ctx) -> {
                Inputs.Lookup mode = Inputs.at(redis, "transitEncryptionMode");
                return mode.is("SERVER_AUTHENTICATION") || mode.unknown() ? List.of()
                        : List.of("transitEncryptionMode is " + (mode.missing() ? "not set (DISABLED)" : mode.text()) + ".");
            });

    static final Rule HA_IN_PROD = Rule.define("gcp-redis-ha-in-prod")
            .title("Memorystore in prod is STANDARD_HA")
            .why("A BASIC instance has no replica: a zone outage or maintenance empties the cache and logs every user"
                    + " out. STANDARD_HA fails over to a replica in another zone. Advisory: the data is a cache and"
                    + " sessions, and a prod stack with a modest availability target may accept the risk with a waiver.")
            .fix("Set tier to STANDARD_HA (a tier change replaces the instance: plan it before launch).")
            .advisory().appliesTo(REDIS)
            .perResource((redis, ctx) -> {
                Inputs.Lookup tier = Inputs.at(redis, "tier");
                if (!ctx.isProd() || tier.is("STANDARD_HA") || tier.unknown()) {
                    return List.of();
                }
                return List.of("A prod instance with tier " + (tier.missing() ? "BASIC (the default)" : tier.text())
                        + " has no replica.");
            });

    static final Rule NO_SESSION_EVICTION = Rule.define("gcp-redis-no-session-eviction")
            .title("Memorystore's maxmemory-policy never evicts sessions")
            .why("An allkeys-* policy evicts any key when memory runs out, sessions included, so users are logged out"
                    + " at peak load; a volatile-* policy (Memorystore's default is volatile-lru) evicts only keys with a"
                    + " TTL (the cache) and keeps sessions. Advisory: a Redis that holds only cache data may use allkeys.")
            .fix("Set redisConfigs maxmemory-policy to volatile-lru and give cache entries a TTL.")
            .advisory().appliesTo(REDIS)
            .perResource((redis, ctx) -> {
                String policy = Inputs.at(redis, "redisConfigs.maxmemory-policy").text();
                return policy != null && policy.startsWith("allkeys-")
                        ? List.of("maxmemory-policy is " + policy + ": sessions are evicted like cache entries.")
                        : List.of();
            });
}
