package io.stagecraft.stacks;

import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Stage;
import io.stagecraft.stacks.aws.AwsHorizontalStack;
import io.stagecraft.stacks.aws.AwsSingleVmStack;
import io.stagecraft.stacks.gcp.GcpEnterpriseStack;
import io.stagecraft.stacks.gcp.GcpHorizontalStack;
import io.stagecraft.stacks.gcp.GcpSingleVmStack;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The stage stacks Stagecraft can provision, looked up by stage and cloud. */
public final class StageStacks {


    /** How a single VM is declared on one cloud, as the stage or kept as legacy beside a later stage. */
    public interface SingleVmFactory {
        StageStack create(String name, SingleVm.Build build, ComponentResourceOptions opts);
    }

    private record Key(Stage stage, Cloud cloud) {
    }

    private static final Map<Cloud, SingleVmFactory> SINGLE_VMS = Map.of(
            Cloud.GCP, GcpSingleVmStack::new,
            Cloud.AWS, AwsSingleVmStack::new);

    private static final Map<Key, StageStackFactory> FACTORIES = Map.of(
            new Key(Stage.SINGLE_VM, Cloud.GCP), GcpSingleVmStack.FACTORY,
            new Key(Stage.VERTICAL, Cloud.GCP), GcpSingleVmStack.FACTORY,
            new Key(Stage.SINGLE_VM, Cloud.AWS), AwsSingleVmStack.FACTORY,
            new Key(Stage.VERTICAL, Cloud.AWS), AwsSingleVmStack.FACTORY,
            new Key(Stage.HORIZONTAL, Cloud.GCP), GcpHorizontalStack.FACTORY,
            new Key(Stage.HORIZONTAL, Cloud.AWS), AwsHorizontalStack.FACTORY,
            new Key(Stage.ENTERPRISE, Cloud.GCP), GcpEnterpriseStack.FACTORY);

    private StageStacks() {
    }

    public static Optional<StageStackFactory> lookup(Stage stage, Cloud cloud) {
        return Optional.ofNullable(FACTORIES.get(new Key(stage, cloud)));
    }

    /** The single-VM stack of a cloud, for a single VM kept as legacy. */
    public static SingleVmFactory singleVm(Cloud cloud) {
        return SINGLE_VMS.get(cloud);
    }

    /** "single-vm on gcp, ...": what can be provisioned today, for messages. */
    public static String provisioned() {
        return FACTORIES.keySet().stream()
                .sorted(java.util.Comparator.comparing((Key k) -> k.stage()).thenComparing(k -> k.cloud()))
                .map(k -> k.stage().id() + " on " + k.cloud().id()).collect(Collectors.joining(", "));
    }

    /** The message a stage without a stack stops with: nothing is created. */
    public static String notProvisioned(Stage stage, Cloud cloud) {
        return "The " + stage.id() + " stage on " + cloud.id() + " is sized (run `stagecraft size` to see the plan) but"
                + " Stagecraft cannot provision it yet. Nothing was created. Provisioned today: " + provisioned() + ".";
    }
}
