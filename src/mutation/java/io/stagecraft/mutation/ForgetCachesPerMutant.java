package io.stagecraft.mutation;

import io.stagecraft.FreshCaches;
import org.pitest.mutationtest.environment.EnvironmentResetPlugin;
import org.pitest.mutationtest.environment.ResetEnvironment;

/**
 * A PIT minion plugin (compiled and registered by the mutation profile only): before each mutant, forget the plans and
 * the catalog the tests cached under the previous one. See io.stagecraft.FreshCaches.
 */
public final class ForgetCachesPerMutant implements EnvironmentResetPlugin {

    @Override
    public ResetEnvironment make() {
        FreshCaches.perMutantResetInstalled();
        return mutant -> FreshCaches.forgetAll();
    }

    @Override
    public String description() {
        return "Stagecraft: forget cached plans and the catalog before each mutant";
    }
}
