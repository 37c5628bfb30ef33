package io.stagecraft.stacks;

import com.pulumi.core.Output;
import java.util.Map;

/** A stage stack: the component a stage and cloud are built as, the outputs users need, and the facts it leaves. */
public interface StageStack {
    /** Stack outputs by export name (URLs, IPs, connection names, pools). */
    Map<String, Output<?>> outputs();

    /** What the next deployment must know about this one (plain values), exported as {@value PreviousDeployment#OUTPUT}. */
    Map<String, Object> facts();
}
