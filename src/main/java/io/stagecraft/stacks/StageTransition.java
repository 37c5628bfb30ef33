package io.stagecraft.stacks;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.sizing.Stage;
import java.util.Optional;

/**
 * What one deployment does with the single VM of an earlier stage. Moving up from a single VM never deletes it in the
 * same run: its Postgres data and media live on its disk, and they must be migrated before it goes. So the single VM
 * is kept, unchanged and marked legacy, beside the new stage, deployment after deployment, until the user sets
 * {@code stagecraft:retire} to its stage. Retiring a protected single VM takes two deployments, because Pulumi refuses
 * to delete a protected resource: the first keeps it without {@code protect}, the second removes it.
 *
 * @param legacy  the single-VM stage kept (or being removed) beside the planned stage
 * @param action  what happens to it in this deployment
 * @param retired the legacy stage this deployment records as retired
 */
public record StageTransition(Optional<Stage> legacy, Action action, Optional<Stage> retired) {

    public enum Action {
        /** No earlier single VM runs beside the planned stage. */
        NONE,
        /** Keep the single VM running as legacy, protected as the stack is. */
        KEEP,
        /** Retiring, first step: keep it one more deployment without protect, so the next one may delete it. */
        UNPROTECT,
        /** Retiring: it is declared no more, so Pulumi deletes it (a retained data disk stays in the cloud). */
        REMOVE
    }

    /** True when this deployment declares the legacy single VM. */
    public boolean declaresLegacy() {
        return action == Action.KEEP || action == Action.UNPROTECT;
    }

    /**
     * @param planned the stage the plan builds now
     * @param retire  the stage {@code stagecraft:retire} names, if set
     * @throws InvalidInputException when the retire setting names a stage that is not running as legacy
     */
    public static StageTransition decide(Stage planned, PreviousDeployment previous, Optional<Stage> retire) {
        Optional<Stage> legacy = Optional.empty();
        if (!planned.isSingleServer()) {
            legacy = previous.legacyStage()
                    .or(() -> previous.stage().filter(Stage::isSingleServer));
        }
        if (retire.isEmpty()) {
            return new StageTransition(legacy, legacy.isPresent() ? Action.KEEP : Action.NONE, Optional.empty());
        }
        Stage wanted = retire.get();
        boolean runningAsLegacy = legacy.equals(retire) && previous.legacyStage().equals(retire);
        if (runningAsLegacy) {
            return previous.singleVmProtected()
                    ? new StageTransition(legacy, Action.UNPROTECT, Optional.empty())
                    : new StageTransition(legacy, Action.REMOVE, retire);
        }
        if (legacy.isEmpty() && previous.retiredStage().equals(retire)) {
            return new StageTransition(Optional.empty(), Action.NONE, retire); // retired before; the setting may stay
        }
        String key = Setting.RETIRE.key();
        if (legacy.equals(retire)) {
            throw new InvalidInputException(key, wanted.id(), wanted.id() + " is the stage this stack ran until now: this"
                    + " deployment keeps it as legacy beside " + planned.id() + ". Migrate its data first, then retire it in"
                    + " a later deployment", "unset it for now: pulumi config rm " + key);
        }
        if (legacy.isPresent()) {
            throw new InvalidInputException(key, wanted.id(), "the stage running as legacy is " + legacy.get().id()
                    + ", not " + wanted.id(), legacy.get().id());
        }
        String runs = planned.id().equals(wanted.id()) ? wanted.id() + " is the stage this stack runs"
                : "no stage runs as legacy in this stack";
        throw new InvalidInputException(key, wanted.id(), runs + ": only a stage kept as legacy after a move up can be"
                + " retired", "nothing while no stage runs as legacy: pulumi config rm " + key);
    }
}
