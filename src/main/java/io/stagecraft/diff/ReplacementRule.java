package io.stagecraft.diff;

import java.util.List;

/**
 * What makes one resource type be replaced rather than updated: one entry of the replacement table.
 *
 * @param replaceOn            input paths whose change replaces ("*" = any list index)
 * @param replaceOnAddOrRemove blocks whose addition, removal or change of item count replaces
 * @param replaceOnShrink      numbers whose decrease replaces (an increase updates in place)
 * @param refusedOnShrink      numbers whose decrease the cloud API refuses (an error, not a replacement)
 * @param note                 conditional cases and version differences; may be null
 */
public record ReplacementRule(String type, Source source, List<String> replaceOn, List<String> replaceOnAddOrRemove,
                              List<String> replaceOnShrink, List<String> refusedOnShrink, String note) {

    /** Where the entry was read: provider (or Terraform provider), its version, and the resource or file. */
    public record Source(String provider, String version, String resource) {
    }

    public ReplacementRule {
        replaceOn = List.copyOf(replaceOn);
        replaceOnAddOrRemove = List.copyOf(replaceOnAddOrRemove);
        replaceOnShrink = List.copyOf(replaceOnShrink);
        refusedOnShrink = List.copyOf(refusedOnShrink);
    }

    /** Every path the entry names, whatever its kind. */
    public List<String> allPaths() {
        return java.util.stream.Stream.of(replaceOn, replaceOnAddOrRemove, replaceOnShrink, refusedOnShrink)
                .flatMap(List::stream).toList();
    }

    /** The package of the type token: "gcp", "aws", "kubernetes", "cloudflare". */
    public String pkg() {
        return type.substring(0, type.indexOf(':'));
    }
}
