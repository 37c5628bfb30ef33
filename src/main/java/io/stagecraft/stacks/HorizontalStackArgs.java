package io.stagecraft.stacks;

import com.pulumi.core.Output;
import io.stagecraft.config.StackConfig;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;

/**
 * What the horizontal stack is built from: the sizing plan (horizontal stage, GCP), the stack's settings, the
 * calculator (catalog zones, coefficients), the GCP project, and the database password as a Pulumi secret.
 */
public record HorizontalStackArgs(SizingPlan plan, StackConfig config, SizingCalculator calculator, String gcpProject,
                                  Output<String> dbPassword) {
    public HorizontalStackArgs {
        if (plan.stage() != Stage.HORIZONTAL || plan.cloud() != Cloud.GCP) {
            throw new IllegalArgumentException("HorizontalStack builds the horizontal stage on GCP, not "
                    + plan.stage().id() + " on " + plan.cloud());
        }
        if (plan.pool(Tier.API).isEmpty() || plan.pool(Tier.WEBSOCKET).isEmpty() || plan.database() == null
                || plan.caches().size() != 1) {
            throw new IllegalArgumentException("a horizontal plan has API and websocket pools, a database and one cache");
        }
        if (plan.caches().get(0).instances() != 1) {
            throw new IllegalArgumentException("the horizontal stage uses one Memorystore instance");
        }
        if (config.domains().isEmpty()) {
            throw new IllegalArgumentException("the horizontal stage needs domains for its certificate");
        }
    }
}
