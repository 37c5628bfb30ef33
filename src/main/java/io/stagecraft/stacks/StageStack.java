package io.stagecraft.stacks;

import com.pulumi.core.Output;
import io.stagecraft.components.edge.EdgeOrigin;
import java.util.Map;
import java.util.Optional;

/** A stage stack: the component a stage and cloud are built as, the outputs users need, and the facts it leaves. */
public interface StageStack {
    /** Stack outputs by export name (URLs, IPs, connection names, pools). */
    Map<String, Output<?>> outputs();

    /** What an edge in front of this stage sends traffic to; empty for a stage that cannot take an edge yet. */
    default Optional<EdgeOrigin> edgeOrigin() {
        return Optional.empty();
    }

    /** What the next deployment must know about this one (plain values), exported as {@value PreviousDeployment#OUTPUT}. */
    Map<String, Object> facts();
}
