package io.stagecraft.stacks;

import com.pulumi.core.Output;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.edge.CloudflareRanges;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the single-VM stacks share whatever the cloud: how one is declared (as the stage, or kept as legacy beside a
 * later stage), its labels, its URL, its outputs and the facts the next deployment reads.
 */
public final class SingleVm {
    private SingleVm() {
    }

    /**
     * One single-VM stack to declare.
     *
     * @param legacy         kept running beside a later stage until it is retired: labelled so, exports its own facts only
     * @param protect        Pulumi {@code protect} on its data and address
     * @param retainOnDelete leave the data disk in the cloud when Pulumi deletes it
     */
    public record Build(SingleVmSpec spec, StackConfig config, boolean legacy, boolean protect, boolean retainOnDelete) {
        /** The single VM as the planned stage. */
        public static Build current(PlannedStack planned, PreviousDeployment previous) {
            StackConfig config = planned.config();
            return new Build(SingleVmSpec.fromPlan(planned, previous), config, false, config.protect(), config.protect());
        }

        /** Labelled with the environment the VM was built in: a legacy VM's labels change by the legacy mark only. */
        public Map<String, String> labels() {
            return new StackLabels(config.stackName(), spec.environment(), legacy).labels();
        }
    }

    /** Who may reach the VM's web ports: the edge's ranges when the VM stands behind the edge; empty means anyone. */
    public static List<String> edgeRanges(boolean behindEdge) {
        return behindEdge ? CloudflareRanges.shipped().ipv4() : List.of();
    }

    /** What the edge sends traffic to: the VM's static IP, which answers ACME challenges over plain HTTP. */
    public static EdgeOrigin edgeOrigin(Output<String> publicIp) {
        return EdgeOrigin.answeringHttpChallenges(publicIp);
    }

    public static Output<String> url(List<String> domains, Output<String> publicIp) {
        return domains.isEmpty() ? publicIp.applyValue(ip -> "http://" + ip + "/")
                : Output.of("https://" + domains.get(0) + "/");
    }

    /** The outputs every single-VM stack exports. */
    public static Map<String, Output<?>> outputs(Build build, Output<String> publicIp, Output<String> shell) {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put("machineType", Output.of(build.spec().machineType()));
        out.put("publicIp", publicIp);
        out.put("url", url(build.spec().domains(), publicIp));
        out.put("shell", shell);
        return out;
    }

    /** As the stage: the stage's facts and the VM's; kept as legacy: the VM's only. */
    public static Map<String, Object> facts(Build build) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!build.legacy()) {
            out.putAll(PreviousDeployment.facts(build.spec().stage(), build.spec().dataDiskGb(), 0, 0, List.of()));
        }
        out.put(PreviousDeployment.SINGLE_VM, PreviousDeployment.singleVmFacts(build.spec(), build.protect()));
        return out;
    }
}
