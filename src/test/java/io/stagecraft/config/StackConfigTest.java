package io.stagecraft.config;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.LoadInput;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackConfigTest {
    private final Catalog catalog = Catalog.loadDefault();

    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("stagecraft:cloud", "gcp");
        m.put("stagecraft:region", "us-central1");
        m.put("stagecraft:users", "300");
        return m;
    }

    private StackConfig parse(Map<String, String> m) {
        return StackConfig.parse(MapConfigSource.of(m), catalog, Coefficients.defaults());
    }

    private InvalidInputException fails(Map<String, String> m) {
        return assertThrows(InvalidInputException.class, () -> parse(m));
    }

    @Test
    void aMinimalConfigGetsDefaults() {
        StackConfig c = parse(base());
        assertEquals(300, c.workload().concurrentUsers());
        assertEquals(Cloud.GCP, c.cloud());
        assertEquals(List.of("us-central1"), c.workload().regions());
        assertEquals(99.5, c.workload().availability());
        assertEquals(0.1, c.workload().profile().requestsPerUserPerSecond());
        assertEquals(StackConfig.Environment.DEV, c.environment());
        assertFalse(c.protect());
        assertTrue(c.sshSourceRanges().isEmpty());
        assertEquals(StackConfig.DEFAULT_APP_IMAGE, c.appImage());
    }

    @Test
    void everySettingIsRead() {
        Map<String, String> m = base();
        m.put("stagecraft:availability", "99.95");
        m.put("stagecraft:requestsPerUserPerSecond", "0.2");
        m.put("stagecraft:websocketShare", "0.25");
        m.put("stagecraft:dbQueriesPerRequest", "3");
        m.put("stagecraft:readShare", "0.9");
        m.put("stagecraft:mediaStorageGb", "120");
        m.put("stagecraft:gpu", "true");
        m.put("stagecraft:stage", "horizontal");
        m.put("stagecraft:apiType", "n2-highcpu-4");
        m.put("stagecraft:environment", "prod");
        m.put("stagecraft:sshSourceRanges", "[\"203.0.113.0/24\",\"198.51.100.7/32\"]");
        m.put("stagecraft:domains", "App.Example.com, www.example.com");
        m.put("stagecraft:alertEmail", "oncall@example.com");
        m.put("stagecraft:appImage", "ghcr.io/acme/app:1.2.3");
        StackConfig c = parse(m);
        var w = c.workload();
        assertEquals(99.95, w.availability());
        assertEquals(0.2, w.profile().requestsPerUserPerSecond());
        assertEquals(0.25, w.profile().websocketShare());
        assertEquals(3, w.profile().dbQueriesPerRequest());
        assertEquals(0.9, w.profile().readShare());
        assertEquals(120, w.profile().mediaStorageGb());
        assertTrue(w.profile().gpu());
        assertEquals(Stage.HORIZONTAL, w.stageOverride());
        assertEquals("n2-highcpu-4", w.typeOverrides().get(Tier.API));
        assertTrue(c.isProd());
        assertTrue(c.protect(), "prod protects stateful resources by default");
        assertEquals(List.of("203.0.113.0/24", "198.51.100.7/32"), c.sshSourceRanges());
        assertEquals(List.of("app.example.com", "www.example.com"), c.domains());
        assertEquals("oncall@example.com", c.alertEmail());
        assertEquals("ghcr.io/acme/app:1.2.3", c.appImage());
    }

    @Test
    void dailyActiveUsersAndMonthlyRequestsAreConverted() {
        Map<String, String> dau = base();
        dau.remove("stagecraft:users");
        dau.put("stagecraft:dailyActiveUsers", "10000");
        StackConfig c = parse(dau);
        assertEquals(348, c.workload().concurrentUsers(), "10,000 x 2 x 10 / 1,440 x 2.5 = 347.2");
        assertEquals(LoadInput.Kind.DAILY_ACTIVE_USERS, c.workload().load().kind());
        Map<String, String> monthly = base();
        monthly.remove("stagecraft:users");
        monthly.put("stagecraft:monthlyRequests", "2.628e8");
        assertEquals(2_500, parse(monthly).workload().concurrentUsers(), "100 req/s average x 2.5 / 0.1");
    }

    @Test
    void theProviderRegionIsAFallback() {
        Map<String, String> m = base();
        m.remove("stagecraft:region");
        m.put("gcp:region", "europe-west1");
        assertEquals(List.of("europe-west1"), parse(m).workload().regions());
    }

    @Test
    void regionsMayBeAListOrCommaSeparated() {
        Map<String, String> m = base();
        m.remove("stagecraft:region");
        m.put("stagecraft:regions", "[\"us-central1\",\"europe-west1\"]");
        assertEquals(List.of("us-central1", "europe-west1"), parse(m).workload().regions());
        m.put("stagecraft:regions", "europe-west1, us-central1");
        assertEquals(List.of("europe-west1", "us-central1"), parse(m).workload().regions());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stagecraft:userz|hunter2-secret|unknown setting (did you mean users?)",
            "stagecraft:dbPasword|hunter2-secret|unknown setting (did you mean dbPassword?)",
            "azure:region|hunter2-secret|unknown namespace"})
    void unknownKeysAreNamedWithoutTheirValue(String key, String value, String problem) {
        Map<String, String> m = base();
        m.put(key, value);
        InvalidInputException e = fails(m);
        assertEquals(key, e.key());
        assertEquals(key + " = \"(not shown)\": " + problem, e.getMessage().substring(0, e.getMessage().indexOf(". Allowed")));
        assertFalse(e.getMessage().contains(value), "a misspelled key may hold a password: " + e.getMessage());
    }

    @Test
    void theStackNameSetsTheEnvironment() {
        StackConfig c = StackConfig.parse(new MapConfigSource(base(), Set.of(), "prod"), catalog, Coefficients.defaults());
        assertTrue(c.isProd());
        assertTrue(c.protect());
        Map<String, String> m = base();
        m.put("stagecraft:protect", "false");
        assertFalse(StackConfig.parse(new MapConfigSource(m, Set.of(), "prod"), catalog, Coefficients.defaults()).protect());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "stagecraft:users|-5|must be above zero",
            "stagecraft:users|0|must be above zero",
            "stagecraft:users|NaN|not a plain decimal number",
            "stagecraft:users|Infinity|not a plain decimal number",
            "stagecraft:users|lots|not a plain decimal number",
            "stagecraft:users|1,500|not a plain decimal number",
            "stagecraft:users|12.5|not a whole number",
            "stagecraft:users|1e12|out of range",
            "stagecraft:cloud|azure|unknown cloud",
            "stagecraft:region|mars-central1|not a gcp region Stagecraft has prices for",
            "stagecraft:availability|100|out of range",
            "stagecraft:availability|80|out of range",
            "stagecraft:websocketShare|1.5|out of range",
            "stagecraft:readShare|-0.1|out of range",
            "stagecraft:requestsPerUserPerSecond|0|must be above zero",
            "stagecraft:mediaStorageGb|-1|out of range",
            "stagecraft:gpu|maybe|not a boolean",
            "stagecraft:stage|huge|unknown stage",
            "stagecraft:environment|qa|unknown environment",
            "stagecraft:sshSourceRanges|0.0.0.0/0|a large share of the internet",
            "stagecraft:sshSourceRanges|10.0.0.300/24|not an IPv4 CIDR range",
            "stagecraft:sshSourceRanges|10.0.0.0/24,,10.1.0.0/24|has an empty entry",
            "stagecraft:domains|not a domain|not a domain name",
            "stagecraft:alertEmail|oncall|not a plain email address",
            "stagecraft:appImage|Bad Image|not a container image reference"})
    void badValuesGiveOneClearError(String key, String value, String problem) {
        // (unknown keys are covered by unknownKeysAreNamedWithoutTheirValue: their value is never shown)
        Map<String, String> m = base();
        m.put(key, value);
        InvalidInputException e = fails(m);
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(key + " = \"" + value.trim() + "\"") || e.getMessage().contains("\"" + value),
                e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertNotNull(e.allowed(), "says what is allowed");
    }

    @Test
    void missingLoadIsNamed() {
        Map<String, String> m = base();
        m.remove("stagecraft:users");
        InvalidInputException e = fails(m);
        assertEquals("stagecraft:users is not set: the load is not stated. Allowed: one of stagecraft:users (peak concurrent"
                + " users), stagecraft:dailyActiveUsers, stagecraft:monthlyRequests", e.getMessage());
    }

    @Test
    void missingCloudAndRegionAreNamed() {
        Map<String, String> m = base();
        m.remove("stagecraft:cloud");
        assertEquals("stagecraft:cloud is not set: the cloud is not chosen. Allowed: gcp | aws", fails(m).getMessage());
        Map<String, String> r = base();
        r.remove("stagecraft:region");
        InvalidInputException e = fails(r);
        assertEquals("stagecraft:region", e.key());
        assertTrue(e.getMessage().contains("no region is set (nor gcp:region)"));
        assertEquals("europe-west1, us-central1, us-east1", e.allowed());
    }

    @Test
    void conflictingKeysAreRejected() {
        Map<String, String> twoLoads = base();
        twoLoads.put("stagecraft:dailyActiveUsers", "5000");
        InvalidInputException e = fails(twoLoads);
        assertEquals("stagecraft:dailyActiveUsers", e.key());
        assertTrue(e.getMessage().contains("conflicts with stagecraft:users"));

        Map<String, String> bothRegions = base();
        bothRegions.put("stagecraft:regions", "us-central1,europe-west1");
        assertTrue(fails(bothRegions).getMessage().contains("conflicts with stagecraft:region=us-central1"));

        Map<String, String> provider = base();
        provider.put("gcp:region", "europe-west1");
        assertTrue(fails(provider).getMessage().contains("conflicts with gcp:region=europe-west1"));

        Map<String, String> twice = base();
        twice.remove("stagecraft:region");
        twice.put("stagecraft:regions", "us-central1,us-central1");
        assertTrue(fails(twice).getMessage().contains("lists us-central1 twice"));
    }

    @Test
    void awsRegionsAreCheckedAgainstAws() {
        Map<String, String> m = base();
        m.put("stagecraft:cloud", "aws");
        InvalidInputException e = fails(m);
        assertEquals("stagecraft:region = \"us-central1\": not a aws region Stagecraft has prices for. Allowed: eu-west-1, us-east-1",
                e.getMessage());
    }

    @Test
    void aPlainTextPasswordIsRefused() {
        Map<String, String> m = base();
        m.put("stagecraft:dbPassword", "hunter2");
        InvalidInputException e = fails(m);
        assertFalse(e.getMessage().contains("hunter2"), "the value is never echoed");
        assertTrue(e.getMessage().contains("stored in plain text"));
        assertTrue(e.allowed().contains("pulumi config set --secret stagecraft:dbPassword"));
        StackConfig ok = StackConfig.parse(new MapConfigSource(m, Set.of("stagecraft:dbPassword"), "dev"), catalog,
                Coefficients.defaults());
        assertTrue(ok.dbPasswordSet());
    }

    @Test
    void stackFilesAreReadLikePulumiDoes() {
        String yaml = """
                config:
                  gcp:project: demo-project
                  stagecraft:cloud: gcp
                  stagecraft:users: 5000
                  stagecraft:availability: 99.9
                  stagecraft:regions:
                    - us-central1
                  stagecraft:dbPassword:
                    secure: v1:abc
                """;
        MapConfigSource src = StackFile.parse(yaml, "Pulumi.prod.yaml", "prod");
        assertEquals("[\"us-central1\"]", src.get("stagecraft:regions").orElseThrow());
        assertEquals("99.9", src.get("stagecraft:availability").orElseThrow());
        assertTrue(src.isSecret("stagecraft:dbPassword"));
        StackConfig c = StackConfig.parse(src, catalog, Coefficients.defaults());
        assertTrue(c.isProd());
        assertTrue(c.dbPasswordSet());
        assertEquals(5_000, c.workload().concurrentUsers());
    }

    @Test
    void brokenStackFilesAreNamed() {
        var e = assertThrows(io.stagecraft.config.InvalidInputException.class,
                () -> StackFile.parse("config: [oops", "Pulumi.x.yaml", "x"));
        assertTrue(e.getMessage().startsWith("stack file = \"Pulumi.x.yaml\": is not valid YAML"), e.getMessage());
        var none = assertThrows(io.stagecraft.config.InvalidInputException.class,
                () -> StackFile.parse("name: x", "Pulumi.x.yaml", "x"));
        assertTrue(none.getMessage().contains("has no config: map"));
        var missing = assertThrows(io.stagecraft.config.InvalidInputException.class,
                () -> StackFile.load(java.nio.file.Path.of("no-such-dir/Pulumi.none.yaml")));
        assertTrue(missing.getMessage().contains("not found"));
    }

    @Test
    void stackNamesComeFromFileNames() {
        assertEquals("dev", StackFile.stackNameOf(java.nio.file.Path.of("Pulumi.dev.yaml")));
        assertEquals("horizontal", StackFile.stackNameOf(java.nio.file.Path.of("stacks/horizontal.yaml")));
    }
}
