package io.stagecraft.policy;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceTransformation;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Optional;

/**
 * Stack policies enforced inside the Pulumi program, in {@code pulumi up} and in the offline engine alike: a resource
 * transformation that checks each cloud resource against the pack's per-resource mandatory rules as it is declared,
 * and throws a {@link PolicyViolationException} (rule ids, resource name, messages and fixes) before the resource is
 * registered. Attach it to the stage stack component with
 * {@code ComponentResourceOptions.builder().resourceTransformations(PolicyEnforcement.transformation(pack, context))};
 * the SDK hands a component's transformations down to every descendant.
 *
 * <p>What it can see (verified with SDK 1.36.1 under the mock engine): the transformation runs synchronously in the
 * resource's constructor, before registration, with the args as built. Constants (and config values, secrets included)
 * are known; values computed from other resources' outputs (ids, IPs, a boot script built from them) read as unknown,
 * whether or not they happen to have arrived, so the outcome never depends on timing; no rule fails on an unknown.
 * Those are checked on the finished graph by {@link PolicyPack#evaluate}. The {@code protect}
 * option is the resource's own: SDK 1.36.1 does not inherit it from the parent. Stopping is not a transaction:
 * resources declared before the violating one may already have been sent to the engine, as with any program error.
 */
public final class PolicyEnforcement {
    private PolicyEnforcement() {
    }

    public static ResourceTransformation transformation(PolicyPack pack, PolicyContext context) {
        pack.checkWaivers(context);
        return args -> {
            if (args.resource() instanceof CustomResource) {
                ResourceNode node = InputValues.node(args.resource(), args.args(), args.options());
                List<Violation> violations = pack.enforce(node, context);
                if (!violations.isEmpty()) {
                    throw new PolicyViolationException(node.type(), node.name(), violations);
                }
            }
            return Optional.empty();
        };
    }
}
