package io.stagecraft.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.pulumi.resources.StackReferenceOutputDetails;
import io.stagecraft.sizing.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stack's last deployment reported about itself, read from its own outputs (a stack reference to this very
 * stack): the stage it ran, and the sizes and settings that must never step back. The program uses it so that:
 * disks never shrink when users drop (a smaller GCE disk is a replacement, a smaller EBS volume an API error), nor
 * does the storage of a managed database whose provider refuses a shrink (RDS);
 * {@code max_connections} changes in an order hot-standby replicas accept; a changed domain list keeps the certificate
 * serving traffic attached until the next deployment; and a move up a stage knows what the previous stage left.
 *
 * <p>A first deployment has no outputs: everything is as planned. The facts travel in one stack output,
 * {@value #OUTPUT}, a map of plain values.
 */
public record PreviousDeployment(Optional<Stage> stage, int dataDiskGb, int dbPrimaryMaxConnections,
                                 int dbReplicaMaxConnections, List<String> certificateDomains, int dbStorageGb) {

    /** The stack output that carries the facts. */
    public static final String OUTPUT = "deployment";
    public static final PreviousDeployment NONE = new PreviousDeployment(Optional.empty(), 0, 0, 0, List.of(), 0);

    public PreviousDeployment {
        certificateDomains = List.copyOf(certificateDomains);
    }

    /** The facts a deployment exports for the next one. */
    public static Map<String, Object> facts(Stage stage, int dataDiskGb, int dbPrimaryMaxConnections,
                                            int dbReplicaMaxConnections, List<String> certificateDomains) {
        return facts(stage, dataDiskGb, dbPrimaryMaxConnections, dbReplicaMaxConnections, certificateDomains, 0);
    }

    /** The same, with the managed database's storage: the size a later, smaller plan must not ask to shrink to. */
    public static Map<String, Object> facts(Stage stage, int dataDiskGb, int dbPrimaryMaxConnections,
                                            int dbReplicaMaxConnections, List<String> certificateDomains,
                                            int dbStorageGb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", stage.id());
        if (dataDiskGb > 0) {
            m.put("dataDiskGb", dataDiskGb);
        }
        if (dbPrimaryMaxConnections > 0) {
            m.put("dbPrimaryMaxConnections", dbPrimaryMaxConnections);
            m.put("dbReplicaMaxConnections", dbReplicaMaxConnections);
        }
        if (!certificateDomains.isEmpty()) {
            m.put("certificateDomains", List.copyOf(certificateDomains));
        }
        if (dbStorageGb > 0) {
            m.put("dbStorageGb", dbStorageGb);
        }
        return m;
    }

    public static Output<Map<String, Object>> output(Map<String, Object> facts) {
        return Output.of(facts);
    }

    /**
     * Reads the last deployment's facts. The read blocks briefly: which resources to declare can depend on it, and
     * resources must not be declared inside an Output callback. A backend that cannot answer leaves the plan's values.
     */
    public static PreviousDeployment read(Context ctx) {
        String org = Optional.ofNullable(ctx.organizationName()).filter(o -> !o.isBlank()).orElse("organization");
        StackReference self = new StackReference("previous-deployment", StackReferenceArgs.builder()
                .name(org + "/" + ctx.projectName() + "/" + ctx.stackName()).build());
        try {
            StackReferenceOutputDetails details = self.outputDetailsAsync(OUTPUT).join();
            Object value = details.getValue().orElse(details.getSecretValue().orElse(null));
            return parse(value);
        } catch (RuntimeException e) {
            ctx.log().warn("Stagecraft could not read this stack's last deployment (" + e.getClass().getSimpleName()
                    + "); disks and database settings are taken as planned.");
            return NONE;
        }
    }

    /** Facts from an output value; anything malformed counts as absent (a bad value must never shrink a disk). */
    public static PreviousDeployment parse(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return NONE;
        }
        Optional<Stage> stage = m.get("stage") instanceof String s ? Stage.fromId(s) : Optional.empty();
        List<String> domains = new ArrayList<>();
        if (m.get("certificateDomains") instanceof List<?> l) {
            l.forEach(d -> domains.add(String.valueOf(d)));
        }
        return new PreviousDeployment(stage, whole(m.get("dataDiskGb")), whole(m.get("dbPrimaryMaxConnections")),
                whole(m.get("dbReplicaMaxConnections")), domains, whole(m.get("dbStorageGb")));
    }

    private static int whole(Object v) {
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < Integer.MAX_VALUE) {
            return (int) n.doubleValue();
        }
        return 0;
    }
}
