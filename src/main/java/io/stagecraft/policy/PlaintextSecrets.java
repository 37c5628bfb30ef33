package io.stagecraft.policy;

import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets written in plain text into instance metadata, boot scripts and user data: a Pulumi secret (the graph's
 * {@code [secret]} marker: the value would sit unencrypted in the metadata server and the cloud console), a literal
 * value assigned to a secret-looking name ({@code DB_PASSWORD=hunter2}), or a password inside a URL
 * ({@code postgresql://app:hunter2@db/app}). Shell references ({@code DB_PASSWORD=$(gcloud secrets ...)},
 * {@code "${DB_PASSWORD}"}) and empty values are not secrets; command-line flags ({@code --secret=name}) name a
 * secret rather than carry one. Findings never repeat the value.
 */
final class PlaintextSecrets {
    /** name=value where the name is not part of a longer word, a flag, a variable expansion or a path. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![\\w$.\\-/])([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s;&|)]*)");
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL).*|(.*_)?AUTH");
    /** Names that point at a secret rather than hold one. */
    private static final Pattern REFERENCE_NAME = Pattern.compile(".*_(FILE|PATH|ID|NAME|DIR|ARN)");
    private static final Pattern URL_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]*:([^\\s@/]+)@");

    private PlaintextSecrets() {
    }

    /** What is wrong with one value, where {@code where} names it (e.g. "metadata key startup-script"). */
    static List<String> findIn(String where, Object value) {
        List<String> out = new ArrayList<>();
        if (ResourceNode.SECRET.equals(value)) {
            out.add(where + " holds a Pulumi secret, which the cloud stores and shows in plain text.");
            return out;
        }
        if (!(value instanceof String text)) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ASSIGNMENT.matcher(lines[i]);
            while (m.find()) {
                String name = m.group(1);
                String upper = name.toUpperCase(Locale.ROOT);
                if (SECRET_NAME.matcher(upper).matches() && !REFERENCE_NAME.matcher(upper).matches() && isLiteral(m.group(2))) {
                    out.add(where + " assigns a literal value to " + name + " (line " + (i + 1) + ").");
                }
            }
            Matcher url = URL_PASSWORD.matcher(lines[i]);
            while (url.find()) {
                if (!url.group(1).startsWith("$")) {
                    out.add(where + " has a password inside a URL (line " + (i + 1) + ").");
                }
            }
        }
        return out;
    }

    private static boolean isLiteral(String value) {
        String v = value;
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\""))) {
            v = v.substring(1, v.length() - 1);
        } else if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.length() > 2; // single quotes: a literal, even if it starts with $
        }
        return !v.isEmpty() && !v.startsWith("$");
    }
}
