package io.stagecraft.stacks;

import com.pulumi.core.Output;
import io.stagecraft.planning.PlannedStack;
import java.util.Optional;

/**
 * What a stage stack is built from: the planned stack (settings and sizing plan), the database password as a Pulumi
 * secret where the stage has a managed database, and what the stack's last deployment reported.
 */
public record StageInputs(PlannedStack planned, Optional<Output<String>> dbPassword, PreviousDeployment previous) {
}
