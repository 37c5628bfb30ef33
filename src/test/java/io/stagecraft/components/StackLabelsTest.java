package io.stagecraft.components;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels on every resource, and the copy without the legacy mark for inputs where a change replaces the resource. */
class StackLabelsTest {

    @Test
    void theLegacyMarkIsDroppedAndEverythingElseKeptInOrder() {
        Map<String, String> legacy = new StackLabels("Shop", "prod", true).labels();
        assertEquals("true", legacy.get("stagecraft-legacy"));
        Map<String, String> without = StackLabels.withoutLegacy(legacy);
        assertEquals(List.of("managed-by", "stagecraft-stack", "environment"), List.copyOf(without.keySet()));
        assertEquals(Map.of("managed-by", "stagecraft", "stagecraft-stack", "shop", "environment", "prod"), without);
        assertEquals("true", legacy.get("stagecraft-legacy"), "the labels given are not changed");
    }

    @Test
    void valuesAreLowerCasedAndCutToSixtyThreeCharacters() {
        assertEquals("shop-eu_1", StackLabels.clean("Shop.EU_1"));
        assertEquals("a".repeat(63), StackLabels.clean("a".repeat(63)));
        assertEquals("a".repeat(63), StackLabels.clean("a".repeat(64)));
    }

    @Test
    void anExtraEntryIsAddedAfterTheStackLabels() {
        Map<String, String> with = new StackLabels("shop", "prod").with("role", "api");
        assertEquals(List.of("managed-by", "stagecraft-stack", "environment", "role"), List.copyOf(with.keySet()));
        assertEquals(Map.of("managed-by", "stagecraft", "stagecraft-stack", "shop", "environment", "prod", "role", "api"),
                with);
    }
}
