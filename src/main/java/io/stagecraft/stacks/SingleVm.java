package io.stagecraft.stacks;

import com.pulumi.core.Output;
import io.stagecraft.components.ServerStartupScript;
import io.stagecraft.components.edge.CloudflareRanges;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the single-VM stacks share whatever the cloud: the boot script from the plan's split, the data disk size that
 * never shrinks, the URL, and the facts the next deployment reads.
 */
public final class SingleVm {
    private SingleVm() {
    }

    public static PoolPlan server(PlannedStack planned) {
        return planned.plan().pools().get(0);
    }

    /** The boot script, given where the data disk may appear. */
    public static String script(PlannedStack planned, List<String> dataDevices) {
        StackConfig config = planned.config();
        return new ServerStartupScript(planned.plan().server(), config.appImage(), config.appPort(), config.domains(),
                server(planned).type().gpus() > 0, dataDevices, edgeRanges(config)).render();
    }

    /** Who may reach the VM's web ports: the edge's ranges when the edge is on; empty means anyone. */
    public static List<String> edgeRanges(StackConfig config) {
        return config.edgeOn() ? CloudflareRanges.shipped().ipv4() : List.of();
    }

    /** What the edge sends traffic to: the VM's static IP, which answers ACME challenges over plain HTTP. */
    public static EdgeOrigin edgeOrigin(Output<String> publicIp) {
        return EdgeOrigin.answeringHttpChallenges(publicIp);
    }

    /** The plan's data disk, or the last deployment's when that was larger: a disk only grows. */
    public static int dataDiskGb(PlannedStack planned, PreviousDeployment previous) {
        return Math.max(planned.plan().storage().dataDiskGb(), previous.dataDiskGb());
    }

    public static Output<String> url(StackConfig config, Output<String> publicIp) {
        return config.domains().isEmpty() ? publicIp.applyValue(ip -> "http://" + ip + "/")
                : Output.of("https://" + config.domains().get(0) + "/");
    }

    /** The outputs every single-VM stack exports. */
    public static Map<String, Output<?>> outputs(PlannedStack planned, int dataDiskGb, Output<String> publicIp,
                                                 Output<String> shell) {
        Stage stage = planned.plan().stage();
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put("machineType", Output.of(server(planned).type().machineType()));
        out.put("publicIp", publicIp);
        out.put("url", url(planned.config(), publicIp));
        out.put("shell", shell);
        out.put(PreviousDeployment.OUTPUT, Output.of(PreviousDeployment.facts(stage, dataDiskGb, 0, 0, List.of())));
        return out;
    }
}
