package io.stagecraft.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/policies.md shows the rules as the code defines them. The generated sections sit between marker comments;
 * after changing a rule, regenerate them with {@value #REGENERATE}.
 */
class PolicyDocsTest {
    static final String REGENERATE = "mvn -B -q test -Dtest=PolicyDocsTest -Dpolicies.write=true";
    private static final Path DOC = Path.of("docs/policies.md");

    private record Section(String name, String content) {
        String begin() {
            return "<!-- " + name + ":begin -->\n";
        }

        String end() {
            return "<!-- " + name + ":end -->";
        }
    }

    private static Section[] sections() {
        return new Section[] {
                new Section("rules", PolicyPack.defaults().markdownTable()),
                new Section("unchecked-types", PolicyPack.typesWithoutRulesTable())};
    }

    @Test
    void theRuleTablesMatchTheCode() throws IOException {
        String doc = Files.readString(DOC);
        String updated = doc;
        for (Section s : sections()) {
            int from = updated.indexOf(s.begin());
            int to = updated.indexOf(s.end());
            assertTrue(from >= 0 && to > from, DOC + " lacks the markers " + s.begin().trim() + " ... " + s.end());
            updated = updated.substring(0, from + s.begin().length()) + s.content() + updated.substring(to);
        }
        if (Boolean.getBoolean("policies.write")) {
            Files.writeString(DOC, updated);
            return;
        }
        String expected = updated;
        assertTrue(expected.equals(doc), () -> DOC + " differs from the rules in code (first difference at character "
                + firstDifference(expected, doc) + "). Regenerate it with: " + REGENERATE);
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    @Test
    void theDocNamesTheRegenerateCommandAndTheWaiverSetting() throws IOException {
        String doc = Files.readString(DOC);
        assertTrue(doc.contains(REGENERATE), "the doc says how to regenerate it");
        assertTrue(doc.contains(PolicyContext.WAIVERS_SETTING));
    }
}
