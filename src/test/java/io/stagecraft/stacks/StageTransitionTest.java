package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.sizing.Stage;
import io.stagecraft.stacks.StageTransition.Action;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a deployment does with an earlier single VM, from the last deployment's facts and the retire setting. */
class StageTransitionTest {
    private static final Optional<Stage> NO_RETIRE = Optional.empty();

    private static PreviousDeployment facts(Map<String, Object> m) {
        return PreviousDeployment.parse(m);
    }

    private static Map<String, Object> vm(boolean protect) {
        return Map.of("stage", "vertical", "protected", protect);
    }

    @Test
    void movingUpFromASingleVmKeepsIt() {
        StageTransition t = StageTransition.decide(Stage.HORIZONTAL, facts(Map.of("stage", "vertical")), NO_RETIRE);
        assertEquals(new StageTransition(Optional.of(Stage.VERTICAL), Action.KEEP, Optional.empty()), t);
        assertTrue(t.declaresLegacy());
        assertEquals(Action.KEEP, StageTransition.decide(Stage.ENTERPRISE, facts(Map.of("stage", "single-vm")), NO_RETIRE)
                .action(), "any later stage keeps it");
    }

    @Test
    void aLegacyStageStaysUntilRetired() {
        PreviousDeployment p = facts(Map.of("stage", "horizontal", "legacyStage", "single-vm", "singleVm", vm(false)));
        assertEquals(new StageTransition(Optional.of(Stage.SINGLE_VM), Action.KEEP, Optional.empty()),
                StageTransition.decide(Stage.HORIZONTAL, p, NO_RETIRE));
    }

    @Test
    void nothingIsLegacyWithinTheSingleVmStagesOrAfterLaterStagesAlone() {
        assertEquals(Action.NONE, StageTransition.decide(Stage.VERTICAL, facts(Map.of("stage", "single-vm")), NO_RETIRE)
                .action(), "single-vm to vertical resizes the same VM");
        assertEquals(Action.NONE, StageTransition.decide(Stage.HORIZONTAL, facts(Map.of("stage", "horizontal")), NO_RETIRE)
                .action());
        assertEquals(Action.NONE, StageTransition.decide(Stage.HORIZONTAL, PreviousDeployment.NONE, NO_RETIRE).action(),
                "a first deployment");
        PreviousDeployment back = facts(Map.of("stage", "horizontal", "legacyStage", "vertical", "singleVm", vm(true)));
        assertEquals(Action.NONE, StageTransition.decide(Stage.VERTICAL, back, NO_RETIRE).action(),
                "moving back down: the single VM is the stage again, not a legacy copy of itself");
    }

    @Test
    void retiringUnprotectsFirstWhenProtectedThenRemoves() {
        Optional<Stage> retire = Optional.of(Stage.VERTICAL);
        PreviousDeployment guarded = facts(Map.of("stage", "horizontal", "legacyStage", "vertical", "singleVm", vm(true)));
        assertEquals(new StageTransition(Optional.of(Stage.VERTICAL), Action.UNPROTECT, Optional.empty()),
                StageTransition.decide(Stage.HORIZONTAL, guarded, retire));
        PreviousDeployment open = facts(Map.of("stage", "horizontal", "legacyStage", "vertical", "singleVm", vm(false)));
        StageTransition remove = StageTransition.decide(Stage.HORIZONTAL, open, retire);
        assertEquals(new StageTransition(Optional.of(Stage.VERTICAL), Action.REMOVE, retire), remove);
        assertFalse(remove.declaresLegacy());
        PreviousDeployment done = facts(Map.of("stage", "horizontal", "retiredStage", "vertical"));
        assertEquals(new StageTransition(Optional.empty(), Action.NONE, retire),
                StageTransition.decide(Stage.HORIZONTAL, done, retire), "a retire setting left in place is fine");
    }

    @Test
    void unknownProtectionCountsAsProtected() {
        PreviousDeployment unknown = facts(Map.of("stage", "horizontal", "legacyStage", "vertical",
                "singleVm", Map.of("stage", "vertical")));
        assertEquals(Action.UNPROTECT, StageTransition.decide(Stage.HORIZONTAL, unknown, Optional.of(Stage.VERTICAL)).action());
    }

    @Test
    void retireIsRefusedForAStageNotRunningAsLegacy() {
        InvalidInputException current = assertThrows(InvalidInputException.class, () -> StageTransition.decide(
                Stage.SINGLE_VM, facts(Map.of("stage", "single-vm")), Optional.of(Stage.SINGLE_VM)));
        assertEquals("stagecraft:retire = \"single-vm\": single-vm is the stage this stack runs: only a stage kept as"
                + " legacy after a move up can be retired. Allowed: nothing while no stage runs as legacy: pulumi config rm"
                + " stagecraft:retire", current.getMessage());
    }
}
