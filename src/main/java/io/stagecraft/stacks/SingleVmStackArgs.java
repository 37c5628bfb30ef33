package io.stagecraft.stacks;

import io.stagecraft.config.StackConfig;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.SizingPlan;

/**
 * What a single-VM stack is built from: the sizing plan (single-vm or vertical stage), the stack's settings, the
 * catalog (for zones) and, on GCP, the project the VM's service account roles are granted in.
 */
public record SingleVmStackArgs(SizingPlan plan, StackConfig config, Catalog catalog, String gcpProject) {
    public SingleVmStackArgs {
        if (!plan.stage().isSingleServer()) {
            throw new IllegalArgumentException("SingleVmStack builds the single-vm and vertical stages, not " + plan.stage().id());
        }
        if (plan.server() == null || plan.pools().size() != 1) {
            throw new IllegalArgumentException("a single-VM plan has exactly one server");
        }
    }
}
