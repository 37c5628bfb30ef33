package io.stagecraft.policy;

import io.stagecraft.components.StackLabels;
import io.stagecraft.engine.ResourceNode;

/**
 * Whether a resource belongs to a single VM kept running as legacy beside a later stage (its labels on GCP, its
 * tags on AWS carry {@value StackLabels#LEGACY}). Such a VM runs its own Postgres until its data is migrated, and
 * is retired on purpose; the rules that would otherwise misjudge it ask here.
 */
final class LegacyMark {
    private LegacyMark() {
    }

    static boolean isLegacy(ResourceNode node) {
        return Inputs.at(node, "labels." + StackLabels.LEGACY).is("true")
                || Inputs.at(node, "tags." + StackLabels.LEGACY).is("true");
    }
}
