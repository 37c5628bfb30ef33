package io.stagecraft.stacks;

import com.pulumi.core.Output;
import java.util.Map;

/** A stage stack: the component a stage and cloud are built as, and the outputs users need from it. */
public interface StageStack {
    /** Stack outputs by export name (URLs, IPs, connection names, pools), plus {@value PreviousDeployment#OUTPUT}. */
    Map<String, Output<?>> outputs();
}
