package io.stagecraft.diff;

import io.stagecraft.policy.StatefulTypes;

import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Optional;

/**
 * One resource of either plan, matched by URN, and what {@code pulumi up} would do to it.
 *
 * @param changes   changed inputs and options (updates and replacements), ignored inputs left out
 * @param causes    why it is replaced (empty unless {@link Operation#REPLACE})
 * @param refusals  changes the cloud API refuses, so {@code pulumi up} would fail on them
 * @param before    the resource in the "from" plan; absent for a create
 * @param after     the resource in the "to" plan; absent for a delete
 */
public record ResourceChange(String urn, String type, String name, String parentUrn, boolean custom, Operation operation,
                             List<PropertyChange> changes, List<ReplacementTable.Cause> causes, List<String> refusals,
                             Optional<ResourceNode> before, Optional<ResourceNode> after) {

    public ResourceChange {
        changes = List.copyOf(changes);
        causes = List.copyOf(causes);
        refusals = List.copyOf(refusals);
    }

    public boolean stateful() {
        return StatefulTypes.defaults().contains(type);
    }
}
