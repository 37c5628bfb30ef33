package io.stagecraft.stacks;

import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.planning.PlannedStack;

/** How one stage is built on one cloud; {@link StageStacks} maps each (stage, cloud) to one. */
public interface StageStackFactory {
    /** Settings this stage needs beyond what sizing needed; refuses with an InvalidInputException naming the key. */
    void check(PlannedStack planned);

    StageStack create(String name, StageInputs inputs, ComponentResourceOptions opts);

    /** Whether the stack can stand behind an edge (locks its origin to the edge, serves valid TLS behind it). */
    default boolean takesEdge() {
        return false;
    }
}
