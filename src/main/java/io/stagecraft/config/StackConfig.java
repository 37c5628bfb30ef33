package io.stagecraft.config;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.LoadInput;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;
import io.stagecraft.sizing.Workload;
import io.stagecraft.sizing.WorkloadProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The typed, validated settings of one stack. Every bad value becomes one {@link ConfigException} naming the
 * key, the value and what is allowed, before anything is sized or provisioned.
 */
public record StackConfig(
        Workload workload,
        Environment environment,
        boolean protect,
        List<String> sshSourceRanges,
        List<String> domains,
        String alertEmail,
        String appImage,
        int appPort,
        boolean dbPasswordSet,
        String stackName) {

    public enum Environment {
        DEV, STAGING, PROD;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String DEFAULT_APP_IMAGE = "nginxdemos/hello:plain-text";
    /** Namespaces of provider settings a stack file may carry beside Stagecraft's own. */
    private static final Set<String> PROVIDER_NAMESPACES = Set.of("gcp", "aws", "cloudflare", "kubernetes", "pulumi");
    private static final Pattern CIDR = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern IMAGE = Pattern.compile("^[a-z0-9][a-z0-9._/:@-]*$");
    private static final int MAX_USERS = 100_000_000;

    public boolean isProd() {
        return environment == Environment.PROD;
    }

    public Cloud cloud() {
        return workload.cloud();
    }

    public static StackConfig parse(ConfigSource src, Catalog catalog, Coefficients k) {
        new Reader(src).checkKeys();
        Reader r = new Reader(src);

        // load: exactly one of three ways to state it
        List<ConfigKey> loadKeys = new ArrayList<>();
        for (ConfigKey key : List.of(ConfigKey.USERS, ConfigKey.DAILY_ACTIVE_USERS, ConfigKey.MONTHLY_REQUESTS)) {
            if (r.raw(key).isPresent()) {
                loadKeys.add(key);
            }
        }
        if (loadKeys.isEmpty()) {
            throw new ConfigException(ConfigKey.USERS.key(), null, "the load is not stated",
                    "one of " + ConfigKey.USERS.key() + " (peak concurrent users), " + ConfigKey.DAILY_ACTIVE_USERS.key()
                            + ", " + ConfigKey.MONTHLY_REQUESTS.key());
        }
        if (loadKeys.size() > 1) {
            throw new ConfigException(loadKeys.get(1).key(), r.raw(loadKeys.get(1)).orElse(""),
                    "conflicts with " + loadKeys.get(0).key() + ": state the load one way only",
                    "exactly one of users, dailyActiveUsers, monthlyRequests");
        }
        ConfigKey loadKey = loadKeys.get(0);
        double loadValue = switch (loadKey) {
            case USERS -> r.wholeNumber(loadKey, 1, MAX_USERS);
            case DAILY_ACTIVE_USERS -> r.wholeNumber(loadKey, 1, MAX_USERS * 5L);
            default -> r.number(loadKey, 1, 1e15, "a positive number of requests per month, e.g. 50000000");
        };
        LoadInput load = new LoadInput(switch (loadKey) {
            case USERS -> LoadInput.Kind.USERS;
            case DAILY_ACTIVE_USERS -> LoadInput.Kind.DAILY_ACTIVE_USERS;
            default -> LoadInput.Kind.MONTHLY_REQUESTS;
        }, loadValue);

        String cloudText = r.raw(ConfigKey.CLOUD).orElseThrow(() ->
                new ConfigException(ConfigKey.CLOUD.key(), null, "the cloud is not chosen", "gcp | aws"));
        Cloud cloud = Cloud.fromId(cloudText).orElseThrow(() ->
                new ConfigException(ConfigKey.CLOUD.key(), cloudText, "unknown cloud", "gcp | aws"));

        List<String> regions = regions(r, src, cloud, catalog);

        double availability = r.optionalNumber(ConfigKey.AVAILABILITY, 90, 99.999, 99.5,
                "a percentage from 90 to 99.999, e.g. 99.5, 99.9, 99.95 (100% is not a design target)");
        WorkloadProfile profile = new WorkloadProfile(
                r.optionalNumber(ConfigKey.REQUESTS_PER_USER_PER_SECOND, 0.0001, 100,
                        WorkloadProfile.DEFAULT_REQUESTS_PER_USER_PER_SECOND, "a number above 0 and at most 100"),
                r.optionalNumber(ConfigKey.WEBSOCKET_SHARE, 0, 1, WorkloadProfile.DEFAULT_WEBSOCKET_SHARE, "a fraction from 0 to 1"),
                r.optionalNumber(ConfigKey.DB_QUERIES_PER_REQUEST, 0, 1000,
                        WorkloadProfile.DEFAULT_DB_QUERIES_PER_REQUEST, "a number from 0 to 1000"),
                r.optionalNumber(ConfigKey.READ_SHARE, 0, 1, WorkloadProfile.DEFAULT_READ_SHARE, "a fraction from 0 to 1"),
                r.raw(ConfigKey.MEDIA_STORAGE_GB).isPresent()
                        ? r.number(ConfigKey.MEDIA_STORAGE_GB, 0, 1e7, "a number of GB from 0 to 10,000,000") : null,
                r.bool(ConfigKey.GPU, false));
        int users = load.toConcurrentUsers(profile.requestsPerUserPerSecond(), k);
        if (users > MAX_USERS) {
            throw new ConfigException(loadKey.key(), r.raw(loadKey).orElse(""),
                    "means " + users + " concurrent users, more than Stagecraft plans for", "at most " + MAX_USERS + " concurrent users");
        }

        Stage stage = null;
        Optional<String> stageText = r.raw(ConfigKey.STAGE);
        if (stageText.isPresent()) {
            stage = Stage.fromId(stageText.get()).orElseThrow(() ->
                    new ConfigException(ConfigKey.STAGE.key(), stageText.get(), "unknown stage", Stage.allowedIds()));
        }
        Map<Tier, String> overrides = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            ConfigKey key = ConfigKey.byShortName(tier.overrideKey()).orElseThrow();
            r.raw(key).map(String::trim).ifPresent(v -> overrides.put(tier, v));
        }
        Workload workload = new Workload(load, users, cloud, regions, availability, profile, stage, overrides);

        String stackName = src.stackName().orElse("dev");
        Environment env = environment(r, stackName);
        boolean protect = r.bool(ConfigKey.PROTECT, env == Environment.PROD);
        List<String> ssh = r.list(ConfigKey.SSH_SOURCE_RANGES);
        for (String cidr : ssh) {
            checkCidr(cidr);
        }
        List<String> domains = r.list(ConfigKey.DOMAINS).stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        for (String d : domains) {
            if (!DOMAIN.matcher(d).matches()) {
                throw new ConfigException(ConfigKey.DOMAINS.key(), d, "not a domain name", "names like app.example.com");
            }
        }
        String email = r.raw(ConfigKey.ALERT_EMAIL).map(String::trim).orElse(null);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new ConfigException(ConfigKey.ALERT_EMAIL.key(), email, "not an email address", "an address like oncall@example.com");
        }
        String image = r.raw(ConfigKey.APP_IMAGE).map(String::trim).orElse(DEFAULT_APP_IMAGE);
        if (!IMAGE.matcher(image).matches()) {
            throw new ConfigException(ConfigKey.APP_IMAGE.key(), image, "not a container image reference",
                    "registry/name:tag in lower case, e.g. ghcr.io/acme/app:1.4.2");
        }
        int appPort = r.raw(ConfigKey.APP_PORT).isPresent() ? (int) r.wholeNumber(ConfigKey.APP_PORT, 1, 65535) : 80;
        boolean passwordSet = r.raw(ConfigKey.DB_PASSWORD).isPresent();
        if (passwordSet && !src.isSecret(ConfigKey.DB_PASSWORD.key())) {
            throw new ConfigException(ConfigKey.DB_PASSWORD.key(), "(hidden)", "is stored in plain text",
                    "a Pulumi secret: pulumi config set --secret " + ConfigKey.DB_PASSWORD.key() + " <password>");
        }
        return new StackConfig(workload, env, protect, ssh, domains, email, image, appPort, passwordSet, stackName);
    }

    private static List<String> regions(Reader r, ConfigSource src, Cloud cloud, Catalog catalog) {
        Optional<String> one = r.raw(ConfigKey.REGION);
        List<String> many = r.list(ConfigKey.REGIONS);
        String providerKey = cloud.id() + ":region";
        Optional<String> provider = src.get(providerKey).map(String::trim).filter(s -> !s.isEmpty());
        if (one.isPresent() && !many.isEmpty()) {
            throw new ConfigException(ConfigKey.REGIONS.key(), String.join(",", many),
                    "conflicts with " + ConfigKey.REGION.key() + "=" + one.get(), "either region or regions, not both");
        }
        String key;
        List<String> regions;
        if (!many.isEmpty()) {
            key = ConfigKey.REGIONS.key();
            regions = many;
        } else if (one.isPresent()) {
            key = ConfigKey.REGION.key();
            regions = List.of(one.get().trim());
        } else if (provider.isPresent()) {
            key = providerKey;
            regions = List.of(provider.get());
        } else {
            throw new ConfigException(ConfigKey.REGION.key(), null, "no region is set (nor " + providerKey + ")",
                    String.join(", ", catalog.regions(cloud)));
        }
        if (provider.isPresent() && !provider.get().equals(regions.get(0))) {
            throw new ConfigException(key, String.join(",", regions),
                    "conflicts with " + providerKey + "=" + provider.get() + " (the provider's default region)",
                    "the same primary region in both, or drop " + providerKey);
        }
        Set<String> known = catalog.regions(cloud);
        Set<String> seen = new TreeSet<>();
        for (String region : regions) {
            if (!known.contains(region)) {
                throw new ConfigException(key, region, "not a " + cloud + " region Stagecraft has prices for",
                        String.join(", ", known));
            }
            if (!seen.add(region)) {
                throw new ConfigException(key, String.join(",", regions), "lists " + region + " twice", "distinct regions");
            }
        }
        return regions;
    }

    private static Environment environment(Reader r, String stackName) {
        Optional<String> text = r.raw(ConfigKey.ENVIRONMENT);
        if (text.isEmpty()) {
            return Arrays.stream(Environment.values()).filter(e -> e.id().equals(stackName)).findFirst()
                    .orElse(Environment.DEV);
        }
        return Arrays.stream(Environment.values()).filter(e -> e.id().equals(text.get().trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() ->
                        new ConfigException(ConfigKey.ENVIRONMENT.key(), text.get(), "unknown environment", "dev | staging | prod"));
    }

    private static void checkCidr(String cidr) {
        String key = ConfigKey.SSH_SOURCE_RANGES.key();
        var m = CIDR.matcher(cidr);
        if (!m.matches()) {
            throw new ConfigException(key, cidr, "not an IPv4 CIDR range", "ranges like 203.0.113.0/24");
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                throw new ConfigException(key, cidr, "not an IPv4 CIDR range", "ranges like 203.0.113.0/24");
            }
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new ConfigException(key, cidr, "prefix length above 32", "ranges like 203.0.113.0/24");
        }
        if (prefix == 0) {
            throw new ConfigException(key, cidr, "opens SSH to the whole internet",
                    "your office or VPN range, e.g. 203.0.113.0/24 (or leave unset and use IAP / SSM)");
        }
    }

    /** Reads raw values and turns each bad one into a ConfigException. */
    private static final class Reader {
        private final ConfigSource src;

        Reader(ConfigSource src) {
            this.src = src;
        }

        void checkKeys() {
            for (String key : src.keys()) {
                int colon = key.indexOf(':');
                String ns = colon < 0 ? "" : key.substring(0, colon);
                if (ns.equals(ConfigKey.NAMESPACE)) {
                    String name = key.substring(colon + 1);
                    if (ConfigKey.byShortName(name).isEmpty()) {
                        throw new ConfigException(key, src.get(key).orElse(""), "unknown setting" + suggestion(name),
                                String.join(", ", Arrays.stream(ConfigKey.values()).map(ConfigKey::shortName).toList()));
                    }
                } else if (!PROVIDER_NAMESPACES.contains(ns)) {
                    throw new ConfigException(key, src.get(key).orElse(""),
                            "unknown namespace '" + ns + "'", "stagecraft:*, gcp:*, aws:*, cloudflare:*, kubernetes:*");
                }
            }
        }

        private static String suggestion(String name) {
            String best = null;
            int bestDistance = 3;
            for (ConfigKey k : ConfigKey.values()) {
                int d = distance(name.toLowerCase(Locale.ROOT), k.shortName().toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k.shortName();
                }
            }
            return best == null ? "" : " (did you mean " + best + "?)";
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }

        Optional<String> raw(ConfigKey key) {
            return src.get(key.key()).filter(v -> !v.isBlank());
        }

        double number(ConfigKey key, double min, double max, String allowed) {
            String text = raw(key).orElseThrow(() -> new ConfigException(key.key(), null, "is required", allowed)).trim();
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new ConfigException(key.key(), text, "not a number", allowed);
            }
            if (Double.isNaN(value) || Double.isInfinite(value) || text.matches("(?i).*[xpfd].*")) {
                throw new ConfigException(key.key(), text, "not a finite number", allowed);
            }
            if (value < min || value > max) {
                throw new ConfigException(key.key(), text, value <= 0 && min > 0 ? "must be above zero" : "out of range", allowed);
            }
            return value;
        }

        double optionalNumber(ConfigKey key, double min, double max, double fallback, String allowed) {
            return raw(key).isPresent() ? number(key, min, max, allowed) : fallback;
        }

        long wholeNumber(ConfigKey key, long min, long max) {
            String allowed = "a whole number from " + min + " to " + max;
            double value = number(key, min, max, allowed);
            if (value != Math.rint(value)) {
                throw new ConfigException(key.key(), raw(key).orElse(""), "not a whole number", allowed);
            }
            return (long) value;
        }

        boolean bool(ConfigKey key, boolean fallback) {
            Optional<String> text = raw(key);
            if (text.isEmpty()) {
                return fallback;
            }
            return switch (text.get().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw new ConfigException(key.key(), text.get(), "not a boolean", "true | false");
            };
        }

        /** A list given as a JSON array (structured Pulumi config) or as comma-separated text. */
        List<String> list(ConfigKey key) {
            Optional<String> text = raw(key);
            if (text.isEmpty()) {
                return List.of();
            }
            String t = text.get().trim();
            List<String> out = new ArrayList<>();
            if (t.startsWith("[")) {
                try {
                    Object[] items = new Gson().fromJson(t, Object[].class);
                    for (Object o : items) {
                        if (o == null || o instanceof Map || o instanceof List) {
                            throw new ConfigException(key.key(), t, "list items must be plain values", "a list of strings");
                        }
                        out.add(o.toString().trim());
                    }
                } catch (JsonParseException e) {
                    throw new ConfigException(key.key(), t, "not a valid list", "a YAML list or comma-separated values");
                }
            } else {
                for (String part : t.split(",")) {
                    out.add(part.trim());
                }
            }
            if (out.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException(key.key(), t, "has an empty entry", "comma-separated values without gaps");
            }
            return List.copyOf(out);
        }
    }
}
