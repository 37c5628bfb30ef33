package io.stagecraft.config;

import io.stagecraft.net.Ipv4Ranges;
import io.stagecraft.sizing.AiWorkload;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.Edge;
import io.stagecraft.sizing.Format;
import io.stagecraft.sizing.LoadInput;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;
import io.stagecraft.sizing.Workload;
import io.stagecraft.sizing.WorkloadProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The typed, validated settings of one stack. Every bad value becomes one {@link InvalidInputException} naming the
 * key, the value and what is allowed, before anything is sized or provisioned. Provider settings the program reads
 * ({@code gcp:project}, {@code gcp:region}, {@code aws:region}) are validated here too, so no unchecked value ever
 * reaches a resource or a printed command.
 *
 * @param gcpProject          the GCP project (validated), or null on AWS
 * @param policyWaivers       advisory policy rules waived for this stack, as written ("rule-id: reason")
 * @param cloudflareZoneId    the Cloudflare zone of the domains (validated), or null; set whenever the edge is on
 * @param cloudflareAccountId the Cloudflare account (validated), or null; needed where the edge load-balances
 * @param kubernetesApiRanges CIDRs the GKE control planes admit (the enterprise stage); validated, possibly empty
 * @param retire              the legacy stage to remove (a single-VM stage); whether it really runs as legacy is the
 *                            program's check
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
        String gcpProject,
        List<String> policyWaivers,
        String stackName,
        String cloudflareZoneId,
        String cloudflareAccountId,
        List<String> kubernetesApiRanges,
        Optional<Stage> retire) {

    public enum Environment {
        DEV, STAGING, PROD;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String DEFAULT_APP_IMAGE = "nginxdemos/hello:plain-text";
    /** Namespaces of provider settings a stack file may carry beside Stagecraft's own. */
    private static final Set<String> PROVIDER_NAMESPACES = Set.of("gcp", "aws", "cloudflare", "kubernetes", "pulumi");
    /** The Cloudflare provider's API token: a Pulumi secret, read by the edge's explicit provider. */
    public static final String CLOUDFLARE_API_TOKEN = "cloudflare:apiToken";
    /** Provider settings that must be Pulumi secrets. */
    private static final Set<String> SECRET_PROVIDER_KEYS = Set.of(CLOUDFLARE_API_TOKEN);
    /** Cloudflare zone and account ids, as the API writes them. */
    private static final Pattern CLOUDFLARE_ID = Pattern.compile("^[0-9a-f]{32}$");
    private static final String CLOUDFLARE_ID_ALLOWED = "the %s id from the Cloudflare dashboard (the zone's Overview"
            + " page): 32 lower-case hexadecimal characters, e.g. 0123456789abcdef0123456789abcdef";
    private static final Pattern STACK_NAME = Pattern.compile("^[A-Za-z0-9._-]{1,100}$");
    /** GCP project ids: 6-30 characters, lower-case letters, digits and hyphens, a letter first, no hyphen last. */
    private static final Pattern GCP_PROJECT = Pattern.compile("^[a-z][a-z0-9-]{4,28}[a-z0-9]$");
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    /** A deliberately plain address: no quotes, spaces, shell or markup characters. */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    /** An OCI image reference: optional registry host and port, lower-case path components, a tag and/or a digest. */
    private static final Pattern IMAGE = Pattern.compile("^(?:[A-Za-z0-9.-]+(?::[0-9]{1,5})?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$");
    /** Numbers as people write them: no leading zeros, no hex, no separators, no sexagesimal. */
    private static final Pattern NUMBER = Pattern.compile("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?$");

    /** Whether a value read back from a deployment's outputs is a domain name this reader would accept. */
    public static boolean isDomainName(String value) {
        return value != null && DOMAIN.matcher(value).matches();
    }

    /** Whether a value read back from a deployment's outputs is a container image reference this reader would accept. */
    public static boolean isImageReference(String value) {
        return value != null && value.length() <= Setting.APP_IMAGE.max() && IMAGE.matcher(value).matches();
    }

    public boolean isProd() {
        return environment == Environment.PROD;
    }

    public Cloud cloud() {
        return workload.cloud();
    }

    /** True when an edge (Cloudflare) stands in front of the stage. */
    public boolean edgeOn() {
        return workload.edge() != Edge.NONE;
    }

    /**
     * What the edge needs once the stage is known: load balancing across regions (the enterprise stage) needs the
     * Cloudflare account its pools and monitor belong to.
     */
    public void checkEdgeFor(Stage stage) {
        if (edgeOn() && stage == Stage.ENTERPRISE && cloudflareAccountId == null) {
            throw new InvalidInputException(Setting.CLOUDFLARE_ACCOUNT_ID.key(), null, "is required for the enterprise"
                    + " stage with " + Setting.EDGE.key() + " cloudflare (its load-balancer pools and health monitor"
                    + " belong to the account)", CLOUDFLARE_ID_ALLOWED.formatted("account"));
        }
    }

    public static StackConfig parse(ConfigSource src, Catalog catalog, Coefficients k) {
        Reader r = new Reader(src);
        r.checkKeys();
        String stackName = src.stackName().orElse("dev");
        if (!STACK_NAME.matcher(stackName).matches()) {
            throw new InvalidInputException("stack", stackName, "not a stack name", "1-100 letters, digits, '.', '_' or '-'");
        }

        LoadInput load = load(r, k);
        String cloudText = r.raw(Setting.CLOUD).orElseThrow(() ->
                new InvalidInputException(Setting.CLOUD.key(), null, "the cloud is not chosen", "gcp | aws"));
        Cloud cloud = Cloud.fromId(cloudText).orElseThrow(() ->
                new InvalidInputException(Setting.CLOUD.key(), cloudText, "unknown cloud", "gcp | aws"));
        String gcpProject = cloud == Cloud.GCP ? gcpProject(r) : null;
        List<String> regions = regions(r, cloud, catalog);

        double availability = r.optionalNumber(Setting.AVAILABILITY, Workload.DEFAULT_AVAILABILITY,
                "a percentage from " + Format.exact(Workload.MIN_AVAILABILITY) + " to " + Format.exact(Workload.MAX_AVAILABILITY)
                        + ", e.g. 99.5, 99.9, 99.95 (100% is not a design target)");
        boolean gpu = r.bool(Setting.GPU, false);
        Optional<String> aiText = r.raw(Setting.AI_WORKLOAD);
        if (aiText.isPresent() && !gpu) {
            throw new InvalidInputException(Setting.AI_WORKLOAD.key(), aiText.get(), "only applies with stagecraft:gpu: true",
                    "stagecraft:gpu: true, or drop it");
        }
        AiWorkload ai = aiText.isEmpty() ? AiWorkload.RETRIEVAL : AiWorkload.fromId(aiText.get()).orElseThrow(() ->
                new InvalidInputException(Setting.AI_WORKLOAD.key(), aiText.get(), "unknown AI workload", AiWorkload.allowedIds()));
        WorkloadProfile profile = new WorkloadProfile(
                r.optionalNumber(Setting.REQUESTS_PER_USER_PER_SECOND, WorkloadProfile.DEFAULT_REQUESTS_PER_USER_PER_SECOND,
                        "a number above 0 and at most 100"),
                r.optionalNumber(Setting.WEBSOCKET_SHARE, WorkloadProfile.DEFAULT_WEBSOCKET_SHARE, "a fraction from 0 to 1"),
                r.optionalNumber(Setting.DB_QUERIES_PER_REQUEST, WorkloadProfile.DEFAULT_DB_QUERIES_PER_REQUEST,
                        "a number from 0 to 1000"),
                r.optionalNumber(Setting.READ_SHARE, WorkloadProfile.DEFAULT_READ_SHARE, "a fraction from 0 to 1"),
                r.raw(Setting.MEDIA_STORAGE_GB).isPresent()
                        ? r.number(Setting.MEDIA_STORAGE_GB, "a number of GB from 0 to 10,000,000") : null,
                gpu,
                r.optionalNumber(Setting.SESSIONS_PER_DAY, WorkloadProfile.DEFAULT_SESSIONS_PER_DAY, "0.1 to 100 sessions"),
                r.optionalNumber(Setting.SESSION_MINUTES, WorkloadProfile.DEFAULT_SESSION_MINUTES, "0.1 to 1,440 minutes"),
                r.optionalNumber(Setting.PEAK_TO_AVERAGE, WorkloadProfile.DEFAULT_PEAK_TO_AVERAGE, "a factor from 1 to 24"),
                ai,
                r.optionalNumber(Setting.AI_REQUESTS_PER_USER_PER_MINUTE, WorkloadProfile.DEFAULT_AI_REQUESTS_PER_USER_PER_MINUTE,
                        "0.001 to 60 requests a minute"));
        double exactUsers = load.concurrentUsers(profile);
        if (exactUsers > Workload.MAX_CONCURRENT_USERS) {
            Setting loadKey = Setting.stating(load.kind());
            throw new InvalidInputException(loadKey.key(), r.raw(loadKey).orElse(""), "means "
                    + Format.number(Math.ceil(exactUsers)) + " peak concurrent users, more than Stagecraft plans for",
                    "a load of at most " + Format.number(Workload.MAX_CONCURRENT_USERS) + " concurrent users");
        }
        int users = (int) Math.max(1, Math.ceil(exactUsers - 1e-9));

        Stage stage = null;
        Optional<String> stageText = r.raw(Setting.STAGE);
        if (stageText.isPresent()) {
            stage = Stage.fromId(stageText.get()).orElseThrow(() ->
                    new InvalidInputException(Setting.STAGE.key(), stageText.get(), "unknown stage", Stage.allowedIds()));
        }
        Map<Tier, String> pins = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Setting key = Setting.pinning(tier);
            r.text(key).ifPresent(v -> pins.put(tier, v));
        }
        Edge edge = edge(r);
        Workload workload = new Workload(load, users, cloud, regions, availability, profile, stage, pins, edge);

        Environment env = environment(r, stackName);
        boolean protect = r.bool(Setting.PROTECT, env == Environment.PROD);
        List<String> ssh = sshRanges(r);
        List<String> domains = domains(r);
        String email = r.text(Setting.ALERT_EMAIL).orElse(null);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(Setting.ALERT_EMAIL.key(), email, "not a plain email address",
                    "an address like oncall@example.com (letters, digits and . _ % + - before the @)");
        }
        String image = r.text(Setting.APP_IMAGE).orElse(DEFAULT_APP_IMAGE);
        if (!IMAGE.matcher(image).matches()) {
            throw new InvalidInputException(Setting.APP_IMAGE.key(), image, "not a container image reference",
                    "registry/name:tag in lower case, e.g. ghcr.io/acme/app:1.4.2");
        }
        int appPort = r.raw(Setting.APP_PORT).isPresent() ? (int) r.wholeNumber(Setting.APP_PORT) : 80;
        boolean passwordSet = r.raw(Setting.DB_PASSWORD).isPresent();
        String zoneId = cloudflareId(r, Setting.CLOUDFLARE_ZONE_ID, "zone");
        String accountId = cloudflareId(r, Setting.CLOUDFLARE_ACCOUNT_ID, "account");
        if (edge == Edge.CLOUDFLARE) {
            requireEdgeSettings(src, zoneId, domains);
        }
        return new StackConfig(workload, env, protect, ssh, domains, email, image, appPort, passwordSet, gcpProject,
                r.list(Setting.POLICY_WAIVERS), stackName, zoneId, accountId,
                adminRanges(r, Setting.KUBERNETES_API_RANGES, "the Kubernetes API"), retire(r));
    }

    private static Edge edge(Reader r) {
        Optional<String> text = r.raw(Setting.EDGE).map(String::trim);
        if (text.isEmpty()) {
            return Edge.NONE;
        }
        return Edge.fromId(text.get()).orElseThrow(() ->
                new InvalidInputException(Setting.EDGE.key(), text.get(), "unknown edge", Edge.allowedIds()));
    }

    /** A zone or account id: checked whenever it is given, so a typo shows before the edge is switched on. */
    private static String cloudflareId(Reader r, Setting key, String what) {
        Optional<String> id = r.text(key);
        if (id.isPresent() && !CLOUDFLARE_ID.matcher(id.get()).matches()) {
            throw new InvalidInputException(key.key(), id.get(), "not a Cloudflare " + what + " id",
                    CLOUDFLARE_ID_ALLOWED.formatted(what));
        }
        return id.orElse(null);
    }

    /** The edge serves the domains from a zone, with a provider that reads its token from the stack settings. */
    private static void requireEdgeSettings(ConfigSource src, String zoneId, List<String> domains) {
        String with = "is required with " + Setting.EDGE.key() + " cloudflare";
        if (zoneId == null) {
            throw new InvalidInputException(Setting.CLOUDFLARE_ZONE_ID.key(), null, with + " (the zone the domains' DNS"
                    + " records and settings go to)", CLOUDFLARE_ID_ALLOWED.formatted("zone"));
        }
        if (domains.isEmpty()) {
            throw new InvalidInputException(Setting.DOMAINS.key(), null, with + " (the host names the edge serves)",
                    "your domains in the zone, e.g. [app.example.com]");
        }
        if (src.get(CLOUDFLARE_API_TOKEN).filter(v -> !v.isBlank()).isEmpty()) {
            throw new InvalidInputException(CLOUDFLARE_API_TOKEN, null, with + " (the edge's Cloudflare provider reads"
                    + " it from the stack settings only)", "pulumi config set --secret " + CLOUDFLARE_API_TOKEN
                    + " <token> (see docs/edge.md for the token's permissions)");
        }
    }

    private static LoadInput load(Reader r, Coefficients k) {
        List<Setting> given = new ArrayList<>();
        for (Setting key : List.of(Setting.USERS, Setting.DAILY_ACTIVE_USERS, Setting.MONTHLY_REQUESTS)) {
            if (r.raw(key).isPresent()) {
                given.add(key);
            }
        }
        if (given.isEmpty()) {
            throw new InvalidInputException(Setting.USERS.key(), null, "the load is not stated",
                    "one of " + Setting.USERS.key() + " (peak concurrent users), " + Setting.DAILY_ACTIVE_USERS.key()
                            + ", " + Setting.MONTHLY_REQUESTS.key());
        }
        if (given.size() > 1) {
            throw new InvalidInputException(given.get(1).key(), r.raw(given.get(1)).orElse(""),
                    "conflicts with " + given.get(0).key() + ": state the load one way only",
                    "exactly one of users, dailyActiveUsers, monthlyRequests");
        }
        Setting key = given.get(0);
        double value = key.kind() == Setting.Kind.WHOLE_NUMBER ? r.wholeNumber(key)
                : r.number(key, "a positive number of requests per month, e.g. 50000000");
        LoadInput.Kind kind = switch (key) {
            case USERS -> LoadInput.Kind.USERS;
            case DAILY_ACTIVE_USERS -> LoadInput.Kind.DAILY_ACTIVE_USERS;
            default -> LoadInput.Kind.MONTHLY_REQUESTS;
        };
        return new LoadInput(kind, value);
    }

    private static String gcpProject(Reader r) {
        Optional<String> project = r.provider("gcp:project");
        if (project.isEmpty()) {
            return null; // required only where a stage needs it; the program says so
        }
        if (!GCP_PROJECT.matcher(project.get()).matches()) {
            throw new InvalidInputException("gcp:project", project.get(), "not a GCP project id",
                    "6-30 lower-case letters, digits and hyphens, starting with a letter, e.g. my-team-prod");
        }
        return project.get();
    }

    private static List<String> regions(Reader r, Cloud cloud, Catalog catalog) {
        Optional<String> one = r.text(Setting.REGION);
        List<String> many = r.list(Setting.REGIONS);
        String providerKey = cloud.id() + ":region";
        Optional<String> provider = r.provider(providerKey);
        Set<String> known = catalog.regions(cloud);
        if (provider.isPresent() && !known.contains(provider.get())) {
            throw new InvalidInputException(providerKey, provider.get(), "not a " + cloud + " region Stagecraft has prices for",
                    String.join(", ", known));
        }
        if (one.isPresent() && !many.isEmpty()) {
            throw new InvalidInputException(Setting.REGIONS.key(), String.join(",", many),
                    "conflicts with " + Setting.REGION.key() + "=" + one.get(), "either region or regions, not both");
        }
        String key;
        List<String> regions;
        if (!many.isEmpty()) {
            key = Setting.REGIONS.key();
            regions = many;
        } else if (one.isPresent()) {
            key = Setting.REGION.key();
            regions = List.of(one.get());
        } else if (provider.isPresent()) {
            key = providerKey;
            regions = List.of(provider.get());
        } else {
            throw new InvalidInputException(Setting.REGION.key(), null, "no region is set (nor " + providerKey + ")",
                    String.join(", ", known));
        }
        Set<String> seen = new HashSet<>();
        for (String region : regions) {
            if (!known.contains(region)) {
                throw new InvalidInputException(key, region, "not a " + cloud + " region Stagecraft has prices for",
                        String.join(", ", known));
            }
            if (!seen.add(region)) {
                throw new InvalidInputException(key, String.join(",", regions), "lists " + region + " twice", "distinct regions");
            }
        }
        if (provider.isPresent() && !provider.get().equals(regions.get(0))) {
            throw new InvalidInputException(key, String.join(",", regions),
                    "conflicts with " + providerKey + "=" + provider.get() + " (the provider's default region)",
                    "the same primary region in both, or drop " + providerKey);
        }
        return regions;
    }

    /** Only a single-VM stage is ever kept as legacy, so only those can be retired. */
    private static Optional<Stage> retire(Reader r) {
        Optional<String> text = r.raw(Setting.RETIRE);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Stage> stage = Stage.fromId(text.get()).filter(Stage::isSingleServer);
        if (stage.isEmpty()) {
            throw new InvalidInputException(Setting.RETIRE.key(), text.get(), "only a single-VM stage is kept as legacy after"
                    + " a move up, so only it can be retired", Stage.SINGLE_VM.id() + " | " + Stage.VERTICAL.id());
        }
        return stage;
    }

    private static Environment environment(Reader r, String stackName) {
        Optional<String> text = r.raw(Setting.ENVIRONMENT);
        if (text.isEmpty()) {
            return Arrays.stream(Environment.values()).filter(e -> e.id().equals(stackName)).findFirst()
                    .orElse(Environment.DEV);
        }
        return Arrays.stream(Environment.values()).filter(e -> e.id().equals(text.get().trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() ->
                        new InvalidInputException(Setting.ENVIRONMENT.key(), text.get(), "unknown environment", "dev | staging | prod"));
    }

    private static List<String> sshRanges(Reader r) {
        return adminRanges(r, Setting.SSH_SOURCE_RANGES, "SSH");
    }

    /**
     * Ranges admitted to an administrative endpoint: each range valid, and all of them together admitting no large share
     * of the internet, however they are split.
     */
    private static List<String> adminRanges(Reader r, Setting setting, String what) {
        List<String> ranges = r.list(setting);
        String key = setting.key();
        for (String cidr : ranges) {
            Optional<String> problem = Ipv4Ranges.problem(cidr);
            if (problem.isPresent()) {
                throw new InvalidInputException(key, cidr, problem.get(), "ranges like 203.0.113.0/24");
            }
        }
        if (Ipv4Ranges.opensAdminPortWidely(ranges)) {
            throw new InvalidInputException(key, String.join(",", ranges), "together open " + what + " to "
                    + Format.number(Ipv4Ranges.publicAddresses(ranges)) + " public addresses, a large share of the internet",
                    "your office or VPN ranges, at most " + Format.number(Ipv4Ranges.MAX_PUBLIC_ADMIN_ADDRESSES)
                            + " public addresses in all (a /16)" + (setting == Setting.SSH_SOURCE_RANGES
                            ? "; or leave unset and use IAP / SSM" : ""));
        }
        return ranges;
    }

    private static List<String> domains(Reader r) {
        List<String> domains = r.list(Setting.DOMAINS).stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        for (String d : domains) {
            if (!DOMAIN.matcher(d).matches()) {
                throw new InvalidInputException(Setting.DOMAINS.key(), d, "not a domain name", "names like app.example.com");
            }
            if (!seen.add(d)) {
                throw new InvalidInputException(Setting.DOMAINS.key(), d, "is listed twice", "each domain once");
            }
        }
        return domains;
    }

    /** Reads raw values and turns each bad one into an InvalidInputException. */
    private static final class Reader {
        private final ConfigSource src;

        Reader(ConfigSource src) {
            this.src = src;
        }

        /**
         * Unknown keys are refused without echoing their value (a misspelled password key must not print the password);
         * a secret is accepted only on keys that keep it secret end to end.
         */
        void checkKeys() {
            for (String key : src.keys()) {
                int colon = key.indexOf(':');
                String ns = colon < 0 ? "" : key.substring(0, colon);
                if (ns.equals(Setting.NAMESPACE)) {
                    String name = key.substring(colon + 1);
                    Optional<Setting> setting = Setting.byShortName(name);
                    if (setting.isEmpty()) {
                        throw new InvalidInputException(key, "(not shown)", "unknown setting" + suggestion(name),
                                String.join(", ", Arrays.stream(Setting.values()).map(Setting::shortName).toList()));
                    }
                    if (setting.get().acceptsSecret() && src.get(key).isPresent() && !src.isSecret(key)) {
                        throw new InvalidInputException(key, "(hidden)", "is stored in plain text",
                                "a Pulumi secret: pulumi config set --secret " + key + " <value>");
                    }
                    if (!setting.get().acceptsSecret() && src.isSecret(key)) {
                        throw new InvalidInputException(key, "(secret)", "is stored as a Pulumi secret, but Stagecraft writes"
                                + " this value into resource settings, names or outputs in plain text", "a plain value:"
                                + " pulumi config set " + key + " <value> (keep secrets to stagecraft:dbPassword)");
                    }
                } else if (!PROVIDER_NAMESPACES.contains(ns)) {
                    throw new InvalidInputException(key, "(not shown)", "unknown namespace",
                            "stagecraft:*, gcp:*, aws:*, cloudflare:*, kubernetes:*");
                } else if (SECRET_PROVIDER_KEYS.contains(key) && !src.isSecret(key)) {
                    throw new InvalidInputException(key, "(hidden)", "is stored in plain text",
                            "a Pulumi secret: pulumi config set --secret " + key + " <value>");
                }
            }
        }

        private static String suggestion(String name) {
            String best = null;
            int bestDistance = 3;
            String lower = name.length() > 64 ? "" : name.toLowerCase(Locale.ROOT);
            for (Setting k : Setting.values()) {
                int d = distance(lower, k.shortName().toLowerCase(Locale.ROOT));
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

        Optional<String> raw(Setting key) {
            return src.get(key.key()).filter(v -> !v.isBlank());
        }

        /** A provider setting the program reads: a plain value, or refused (a secret here would be printed). */
        Optional<String> provider(String key) {
            Optional<String> v = src.get(key).map(String::trim).filter(s -> !s.isEmpty());
            if (v.isPresent() && src.isSecret(key)) {
                throw new InvalidInputException(key, "(secret)", "is stored as a Pulumi secret, but Stagecraft prints it in"
                        + " commands and writes it into resource settings", "a plain value: pulumi config set " + key + " <value>");
            }
            return v;
        }

        /** Trimmed text within the setting's length. */
        Optional<String> text(Setting key) {
            Optional<String> v = raw(key).map(String::trim);
            if (v.isPresent() && v.get().length() > key.max()) {
                throw new InvalidInputException(key.key(), v.get(), "is " + v.get().length() + " characters long",
                        "at most " + (int) key.max() + " characters");
            }
            return v;
        }

        double number(Setting key, String allowed) {
            String text = raw(key).orElseThrow(() -> new InvalidInputException(key.key(), null, "is required", allowed)).trim();
            if (text.length() > 40 || !NUMBER.matcher(text).matches()) {
                throw new InvalidInputException(key.key(), text, "not a plain decimal number", allowed);
            }
            double value = Double.parseDouble(text);
            if (value < key.min() || value > key.max()) {
                throw new InvalidInputException(key.key(), text,
                        value <= 0 && key.min() > 0 ? "must be above zero" : "out of range", allowed);
            }
            return value;
        }

        double optionalNumber(Setting key, double fallback, String allowed) {
            return raw(key).isPresent() ? number(key, allowed) : fallback;
        }

        long wholeNumber(Setting key) {
            String allowed = "a whole number from " + Format.exact(key.min()) + " to " + Format.exact(key.max());
            double value = number(key, allowed);
            if (value != Math.rint(value)) {
                throw new InvalidInputException(key.key(), raw(key).orElse(""), "not a whole number", allowed);
            }
            return (long) value;
        }

        boolean bool(Setting key, boolean fallback) {
            Optional<String> text = raw(key);
            if (text.isEmpty()) {
                return fallback;
            }
            return switch (text.get().trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidInputException(key.key(), text.get(), "not a boolean", "true | false");
            };
        }

        /** A list given as a JSON array (structured Pulumi config) or as comma-separated text, within its size. */
        List<String> list(Setting key) {
            Optional<String> text = raw(key);
            if (text.isEmpty()) {
                return List.of();
            }
            String t = text.get().trim();
            if (t.length() > 64 * 1024) {
                throw new InvalidInputException(key.key(), t, "is " + t.length() + " characters long",
                        "at most " + (int) key.max() + " entries");
            }
            List<String> out = new ArrayList<>();
            if (t.startsWith("[")) {
                try {
                    Object[] items = new com.google.gson.Gson().fromJson(t, Object[].class);
                    for (Object o : items == null ? new Object[0] : items) {
                        if (o == null || o instanceof Map || o instanceof List) {
                            throw new InvalidInputException(key.key(), t, "list items must be plain values", "a list of strings");
                        }
                        out.add(o.toString().trim());
                    }
                } catch (com.google.gson.JsonParseException e) {
                    throw new InvalidInputException(key.key(), t, "not a valid list", "a YAML list or comma-separated values");
                }
            } else {
                for (String part : t.split(",", -1)) {
                    out.add(part.trim());
                }
            }
            if (out.stream().anyMatch(String::isEmpty)) {
                throw new InvalidInputException(key.key(), t, "has an empty entry", "comma-separated values without gaps");
            }
            if (out.size() > key.max()) {
                throw new InvalidInputException(key.key(), t, "has " + out.size() + " entries",
                        "at most " + (int) key.max() + " entries");
            }
            return List.copyOf(out);
        }
    }
}
