package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.DISK;
import static io.stagecraft.policy.ResourceTypes.DISK_POLICY_ATTACHMENT;
import static io.stagecraft.policy.ResourceTypes.DLM_POLICY;
import static io.stagecraft.policy.ResourceTypes.EBS_VOLUME;
import static io.stagecraft.policy.ResourceTypes.SECRET_VERSION;
import static io.stagecraft.policy.ResourceTypes.SQL_USER;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Data that outlives a mistake: stateful resources protected in prod, snapshots scheduled, storage never shrunk, and
 * secret inputs kept secret in the Pulumi state.
 */
final class DataSafetyRules {
    private DataSafetyRules() {
    }

    /** Inputs that carry a credential, per type: they must be Pulumi secrets. Add e.g. RDS's "password" here. */
    static final Map<String, String> SECRET_INPUTS = secretInputs();

    private static Map<String, String> secretInputs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SQL_USER, "password");
        m.put(SECRET_VERSION, "secretData");
        return java.util.Collections.unmodifiableMap(m);
    }

    static List<Rule> all(StatefulTypes stateful) {
        return List.of(protectedInProd(stateful), DISK_SNAPSHOTS, EBS_SNAPSHOTS, neverShrinks(stateful), SECRET_INPUTS_SECRET);
    }

    static Rule protectedInProd(StatefulTypes stateful) {
        return Rule.define("stateful-protected-in-prod")
                .title("Stateful resources carry Pulumi's protect option in prod")
                .why("protect makes pulumi up and pulumi destroy stop before deleting or replacing the resource, so a"
                        + " rename, a replacing change or a destroy on the wrong stack cannot drop the data. Stateful"
                        + " types: " + String.join(", ", stateful.types()) + ". A legacy single VM being retired"
                        + " (stagecraft:retire) loses protect on purpose and passes while it keeps retainOnDelete,"
                        + " which leaves its data in the cloud. Mandatory in prod: data loss; dev and staging stacks may"
                        + " be torn down freely.")
                .fix("Create the resource with protect(true) in prod (Stagecraft's stagecraft:protect, on by default in prod).")
                .mandatory().appliesTo(stateful.types())
                .perResource((resource, ctx) -> ctx.isProd() && !resource.options().protect()
                        && !(resource.options().retainOnDelete() && LegacyMark.isLegacy(resource))
                        ? List.of("A prod " + resource.type() + " without protect can be deleted or replaced by pulumi up.")
                        : List.of());
    }

    static final Rule DISK_SNAPSHOTS = Rule.define("gcp-disk-snapshot-schedule")
            .title("Every GCE disk has a snapshot schedule attached")
            .why("The data disk holds Postgres, Redis and uploads on the single-VM stages; without scheduled snapshots"
                    + " a bad migration or a deleted file is gone. The schedule is attached by a"
                    + " DiskResourcePolicyAttachment naming the disk, or listed in the disk's resourcePolicies."
                    + " Mandatory: data loss.")
            .fix("Attach a snapshot-schedule ResourcePolicy to the disk (GcpDataDisk does).")
            .mandatory().appliesTo(DISK, DISK_POLICY_ATTACHMENT)
            .onGraph(DataSafetyRules::disksWithoutSchedule);

    private static List<Rule.Finding> disksWithoutSchedule(ResourceGraph graph, PolicyContext ctx) {
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode disk : graph.ofType(DISK)) {
            Inputs.Lookup policies = Inputs.at(disk, "resourcePolicies");
            boolean listed = Inputs.hasUnknown(policies) || !Inputs.texts(policies).isEmpty();
            boolean attached = graph.ofType(DISK_POLICY_ATTACHMENT).stream().anyMatch(a -> {
                Inputs.Lookup ref = Inputs.at(a, "disk");
                return ref.unknown() || References.refersTo(ref.value(), disk);
            });
            if (!listed && !attached) {
                out.add(new Rule.Finding(disk, "No snapshot schedule is attached: no backup of the disk is taken."));
            }
        }
        return out;
    }

    static final Rule EBS_SNAPSHOTS = Rule.define("aws-ebs-snapshot-policy")
            .title("Every EBS volume is targeted by a Data Lifecycle Manager policy")
            .why("DLM takes the scheduled snapshots of volumes carrying its target tags (any one tag matches); a volume"
                    + " whose tags match no enabled VOLUME policy is never backed up. Mandatory: data loss.")
            .fix("Tag the volume with one of an enabled DLM policy's target tags (AwsDataVolume does).")
            .mandatory().appliesTo(EBS_VOLUME, DLM_POLICY)
            .onGraph(DataSafetyRules::volumesWithoutPolicy);

    private static List<Rule.Finding> volumesWithoutPolicy(ResourceGraph graph, PolicyContext ctx) {
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode volume : graph.ofType(EBS_VOLUME)) {
            Inputs.Lookup tags = Inputs.at(volume, "tags");
            if (tags.unknown()) {
                continue;
            }
            boolean targeted = graph.ofType(DLM_POLICY).stream().anyMatch(policy -> targets(policy, tags.entries()));
            if (!targeted) {
                out.add(new Rule.Finding(volume, "No enabled DLM policy targets its tags: no snapshot of the volume is taken."));
            }
        }
        return out;
    }

    private static boolean targets(ResourceNode policy, Map<?, ?> volumeTags) {
        if (Inputs.at(policy, "state").is("DISABLED")) {
            return false;
        }
        Inputs.Lookup types = Inputs.at(policy, "policyDetails.resourceTypes");
        if (types.present() && !Inputs.texts(types).contains("VOLUME")) {
            return false;
        }
        Inputs.Lookup targetTags = Inputs.at(policy, "policyDetails.targetTags");
        if (targetTags.unknown()) {
            return true; // cannot tell: never fail on an unknown
        }
        return targetTags.entries().entrySet().stream()
                .anyMatch(t -> t.getValue() != null && t.getValue().equals(volumeTags.get(t.getKey())));
    }

    static Rule neverShrinks(StatefulTypes stateful) {
        return Rule.define("storage-never-shrinks")
                .title("No disk or database storage shrinks from the last deployment")
                .why("A smaller size cannot be applied in place: the provider replaces a GCE disk, an EBS volume or a"
                        + " Cloud SQL instance whose size goes down, which deletes the data. Compared with the previous"
                        + " deployment's graph when one is given (same URN). Mandatory: data loss.")
                .fix("Keep the size at least what it was (pin it, or add the size to ignoreChanges); move data to a new,"
                        + " smaller resource deliberately if you must.")
                .mandatory().appliesTo(stateful.sizedTypes())
                .onGraph((graph, ctx) -> shrunk(graph, ctx, stateful));
    }

    private static List<Rule.Finding> shrunk(ResourceGraph graph, PolicyContext ctx, StatefulTypes stateful) {
        if (ctx.previous().isEmpty()) {
            return List.of();
        }
        ResourceGraph previous = ctx.previous().get();
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode node : graph.customResources()) {
            Optional<String> path = stateful.sizeInput(node.type());
            Optional<ResourceNode> before = previous.byUrn(node.urn());
            if (path.isEmpty() || before.isEmpty()) {
                continue;
            }
            double now = Inputs.number(Inputs.at(node, path.get()));
            double then = Inputs.number(Inputs.at(before.get(), path.get()));
            if (now < then) { // false when either is unknown (NaN)
                out.add(new Rule.Finding(node, String.format(Locale.ROOT, "%s shrinks from %s to %s GB: the provider"
                        + " replaces the resource, losing its data.", path.get(), gb(then), gb(now))));
            }
        }
        return out;
    }

    private static String gb(double size) {
        return size == Math.rint(size) ? String.valueOf((long) size) : String.valueOf(size);
    }

    static final Rule SECRET_INPUTS_SECRET = Rule.define("secret-inputs-are-secret")
            .title("Passwords and secret values are Pulumi secrets")
            .why("A plain input is written unencrypted into the stack's state and shown by pulumi preview; a Pulumi"
                    + " secret is encrypted in the state and masked. Checked inputs: " + describe(SECRET_INPUTS)
                    + ". Mandatory: credential exposure.")
            .fix("Pass the value as a secret: pulumi config set --secret, then requireSecret(...) or Output.ofSecret(...).")
            .mandatory().appliesTo(List.copyOf(SECRET_INPUTS.keySet()))
            .perResource((resource, ctx) -> {
                String path = SECRET_INPUTS.get(resource.type());
                Inputs.Lookup value = Inputs.at(resource, path);
                return value.present() && !ResourceNode.SECRET.equals(value.value())
                        ? List.of(path + " is a plain value: it is stored unencrypted in the Pulumi state.")
                        : List.of();
            });

    private static String describe(Map<String, String> inputs) {
        List<String> parts = new ArrayList<>();
        inputs.forEach((type, path) -> parts.add(type + " " + path));
        return String.join(", ", parts);
    }
}
