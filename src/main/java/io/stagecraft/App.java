package io.stagecraft;

import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.PulumiEnvConfigSource;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.planning.StackPlanner;
import io.stagecraft.sizing.CatalogException;
import io.stagecraft.stacks.StageProgram;

/**
 * The Pulumi program as {@code pulumi up} runs it: the stack settings the CLI hands over are validated and sized once
 * by the {@link StackPlanner}, then {@link StageProgram} builds the stage. Bad input ends the run with one message and
 * no stack trace, before any resource is declared.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            PlannedStack planned;
            try {
                planned = StackPlanner.defaults().size(PulumiEnvConfigSource.fromEnvironment(ctx.stackName()));
            } catch (InvalidInputException | CatalogException e) {
                throw new RunException(e.getMessage());
            }
            StageProgram.run(ctx, planned);
        });
    }
}
