package io.stagecraft.config;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.LoadInput;
import io.stagecraft.sizing.Tier;
import io.stagecraft.sizing.WorkloadField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every limit a setting has, exactly at the limit (accepted) and one past it (refused with its message), and the
 * reader's smaller rules: suggestions for a misspelled key, blank values, settings that only apply with another one.
 */
class SettingLimitsTest {

    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("stagecraft:cloud", "gcp");
        m.put("stagecraft:region", "us-central1");
        m.put("stagecraft:users", "300");
        return m;
    }

    private static StackConfig parse(Map<String, String> m, Set<String> secrets) {
        return StackConfig.parse(new MapConfigSource(m, secrets, "dev"), Catalog.loadDefault(), Coefficients.defaults());
    }

    private static StackConfig parse(Map<String, String> m) {
        return parse(m, Set.of());
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> m = base();
        m.put(key, value);
        return m;
    }

    /** The refusal's message without its "Allowed:" part, which some tests check separately. */
    private static String problem(Map<String, String> m) {
        String message = assertThrows(InvalidInputException.class, () -> parse(m)).getMessage();
        int allowed = message.indexOf(". Allowed: ");
        return allowed < 0 ? message : message.substring(0, allowed);
    }

    @Test
    void aNumberOfFortyCharactersIsReadAndOneOfFortyOneIsNot() {
        String forty = "300." + "0".repeat(36);
        assertEquals(40, forty.length());
        assertEquals(300, parse(with("stagecraft:users", forty)).workload().concurrentUsers());
        String fortyOne = forty + "0";
        assertEquals("stagecraft:users = \"" + fortyOne + "\": not a plain decimal number",
                problem(with("stagecraft:users", fortyOne)));
    }

    @Test
    void textUpToItsLengthIsReadAndLongerTextIsRefused() {
        // 254 characters: 64 @ 63 . 63 . 57 .com
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertEquals(254, email.length());
        assertEquals(email, parse(with("stagecraft:alertEmail", email)).alertEmail());
        String longer = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".com";
        assertEquals("stagecraft:alertEmail = \"" + InvalidInputException.oneLine(longer, 80)
                + "\": is 255 characters long", problem(with("stagecraft:alertEmail", longer)));
    }

    @Test
    void anImageReferenceUpTo512CharactersIsAccepted() {
        String image = "registry.example.com/" + "a".repeat(487) + ":1.0";
        assertEquals(512, image.length());
        assertTrue(StackConfig.isImageReference(image));
        assertFalse(StackConfig.isImageReference("registry.example.com/" + "a".repeat(488) + ":1.0"), "513 characters");
        assertFalse(StackConfig.isImageReference(null));
        assertFalse(StackConfig.isImageReference("Bad Image"));
    }

    @Test
    void aListUpToItsCountIsReadAndOneMoreEntryIsRefused() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "d" + i + ".example.com").collect(Collectors.joining(","));
        assertEquals(100, parse(with("stagecraft:domains", hundred)).domains().size());
        assertTrue(problem(with("stagecraft:domains", hundred + ",x.example.com")).endsWith(": has 101 entries"));
    }

    @Test
    void aListOf64KiBIsReadEntryByEntryAndALongerOneIsRefusedWhole() {
        String atLimit = "a".repeat(64 * 1024);
        assertTrue(problem(with("stagecraft:domains", atLimit)).endsWith("(65536 characters)\": not a domain name"),
                "read, then refused for its content");
        assertTrue(problem(with("stagecraft:domains", atLimit + "b")).endsWith("(65537 characters)\": is 65537 characters long"));
    }

    @Test
    void aMisspelledKeyGetsASuggestionWithinTwoEdits() {
        assertEquals("stagecraft:usrs = \"(not shown)\": unknown setting (did you mean users?)",
                problem(with("stagecraft:usrs", "1")), "one edit");
        assertEquals("stagecraft:usres = \"(not shown)\": unknown setting (did you mean users?)",
                problem(with("stagecraft:usres", "1")), "two edits");
        assertEquals("stagecraft:usersXYZ = \"(not shown)\": unknown setting", problem(with("stagecraft:usersXYZ", "1")),
                "three edits: no suggestion");
        assertEquals("stagecraft:REGIONS = \"(not shown)\": unknown setting (did you mean regions?)",
                problem(with("stagecraft:REGIONS", "x")), "case does not count");
        assertEquals("stagecraft:alertEmial = \"(not shown)\": unknown setting (did you mean alertEmail?)",
                problem(with("stagecraft:alertEmial", "x")), "a swap is two edits");
    }

    @Test
    void aBlankProviderSettingIsNotSet() {
        Map<String, String> m = base();
        m.put("gcp:region", "   ");
        assertEquals(List.of("us-central1"), parse(m).workload().regions(), "no conflict with a blank gcp:region");
    }

    @Test
    void theAiWorkloadNeedsTheGpuSettingAndAKnownKind() {
        assertEquals("stagecraft:aiWorkload = \"generation\": only applies with stagecraft:gpu: true",
                problem(with("stagecraft:aiWorkload", "generation")));
        Map<String, String> m = with("stagecraft:gpu", "true");
        m.put("stagecraft:aiWorkload", "chat");
        assertEquals("stagecraft:aiWorkload = \"chat\": unknown AI workload", problem(m));
    }

    @Test
    void aBlankCloudflareTokenIsNotSet() {
        Map<String, String> m = base();
        m.put("stagecraft:edge", "cloudflare");
        m.put("stagecraft:cloudflareZoneId", "0123456789abcdef0123456789abcdef");
        m.put("stagecraft:domains", "app.example.com");
        m.put("cloudflare:apiToken", "  ");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(m, Set.of("cloudflare:apiToken")));
        assertTrue(e.getMessage().startsWith("cloudflare:apiToken is not set: is required with stagecraft:edge cloudflare"),
                e.getMessage());
    }

    @Test
    void onlyTheProdEnvironmentIsProd() {
        assertFalse(parse(base()).isProd(), "dev");
        assertFalse(parse(with("stagecraft:environment", "staging")).isProd());
        assertTrue(parse(with("stagecraft:environment", "prod")).isProd());
    }

    @Test
    void oneLineCutsAfterTheLimitAndCountsTheRest() {
        assertEquals("abc", InvalidInputException.oneLine("abc", 3), "exactly the limit: nothing cut");
        assertEquals("abc... (6 characters)", InvalidInputException.oneLine("abcdef", 3));
        assertEquals("a\\nb\\tc", InvalidInputException.oneLine("a\nb\tc", 10));
        assertEquals("", InvalidInputException.oneLine(null, 10));
    }

    @Test
    void aSizingRefusalAboutRegionsNamesTheKeyTheUserTyped() {
        assertEquals(Setting.REGIONS, Setting.about(WorkloadField.REGIONS, null, LoadInput.Kind.USERS, true));
        assertEquals(Setting.REGION, Setting.about(WorkloadField.REGIONS, null, LoadInput.Kind.USERS, false));
        assertEquals(Setting.DAILY_ACTIVE_USERS, Setting.about(WorkloadField.LOAD, null, LoadInput.Kind.DAILY_ACTIVE_USERS,
                false));
        assertEquals(Setting.DB_TIER, Setting.about(WorkloadField.PINNED_TYPE, Tier.DATABASE, LoadInput.Kind.USERS, false));
    }

    @Test
    void flagsHaveTheirLabels() {
        assertEquals("N", Setting.USERS.flagLabel());
        assertEquals("gcp|aws", Setting.CLOUD.flagLabel());
        assertNull(Setting.GPU.flagLabel(), "a boolean flag takes no value");
    }

    @Test
    void withoutPulumiTheEnvironmentHoldsNoSettings() {
        assertNull(System.getenv("PULUMI_CONFIG"), "tests run outside the Pulumi CLI");
        MapConfigSource source = PulumiEnvConfigSource.fromEnvironment("dev");
        assertEquals(Map.of(), source.values());
        assertEquals("dev", source.stackName().orElseThrow());
    }
}
