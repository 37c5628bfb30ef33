package io.stagecraft.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.pulumi.resources.StackReferenceOutputDetails;
import io.stagecraft.sizing.Cloud;
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
 *
 * @param dbStorageGb      the managed database's storage, which a smaller plan must not ask to shrink (RDS refuses)
 * @param singleVm         how the single VM was last built ({@link SingleVmSpec#facts}), whether it ran as the stage or
 *                         was kept as legacy; read with {@link SingleVmSpec#parse}
 * @param singleVmProtected whether the single VM's data was last registered protected
 * @param legacyStage      the single-VM stage kept running beside a later stage until it is retired
 * @param retiredStage     the legacy stage the retire setting removed (so the setting may stay set afterwards)
 * @param cloud            the cloud the stack last ran on
 * @param dbShards         the database shards the enterprise stage last ran, which a smaller plan must not drop (each
 *                         holds its users' rows)
 * @param assetsLocation   where the enterprise stage's media bucket was created (a bucket's location is force-new: the
 *                         next deployment keeps it); empty before the enterprise stage recorded it
 */
public record PreviousDeployment(Optional<Stage> stage, int dataDiskGb, int dbPrimaryMaxConnections,
                                 int dbReplicaMaxConnections, List<String> certificateDomains, int dbStorageGb,
                                 Optional<Map<String, Object>> singleVm, boolean singleVmProtected,
                                 Optional<Stage> legacyStage, Optional<Stage> retiredStage, Optional<Cloud> cloud,
                                 int dbShards, Optional<String> assetsLocation) {

    /** The stack output that carries the facts. */
    public static final String OUTPUT = "deployment";
    public static final String SINGLE_VM = "singleVm";
    public static final String SINGLE_VM_PROTECTED = "protected";
    public static final String LEGACY_STAGE = "legacyStage";
    public static final String RETIRED_STAGE = "retiredStage";
    public static final String CLOUD = "cloud";
    public static final String DB_SHARDS = "dbShards";
    public static final String ASSETS_LOCATION = "assetsLocation";
    public static final PreviousDeployment NONE = new PreviousDeployment(Optional.empty(), 0, 0, 0, List.of(), 0,
            Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty());

    public PreviousDeployment {
        certificateDomains = List.copyOf(certificateDomains);
        singleVm = singleVm.map(java.util.Collections::unmodifiableMap);
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

    /** The facts of a single VM, as the stage or kept as legacy: its spec and whether its data is protected. */
    public static Map<String, Object> singleVmFacts(SingleVmSpec spec, boolean protect) {
        Map<String, Object> m = new LinkedHashMap<>(spec.facts());
        m.put(SINGLE_VM_PROTECTED, protect);
        return m;
    }

    /** Facts from an output value; anything malformed counts as absent (a bad value must never shrink a disk). */
    public static PreviousDeployment parse(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return NONE;
        }
        List<String> domains = new ArrayList<>();
        if (m.get("certificateDomains") instanceof List<?> l) {
            l.forEach(d -> domains.add(String.valueOf(d)));
        }
        Optional<Map<String, Object>> singleVm = Optional.empty();
        boolean singleVmProtected = false;
        if (m.get(SINGLE_VM) instanceof Map<?, ?> vm) {
            Map<String, Object> copy = new LinkedHashMap<>();
            vm.forEach((k, v) -> copy.put(String.valueOf(k), v));
            singleVm = Optional.of(copy);
            // unknown counts as protected: the program then takes the careful path
            singleVmProtected = !Boolean.FALSE.equals(vm.get(SINGLE_VM_PROTECTED));
        }
        return new PreviousDeployment(stage(m, "stage"), whole(m.get("dataDiskGb")), whole(m.get("dbPrimaryMaxConnections")),
                whole(m.get("dbReplicaMaxConnections")), domains, whole(m.get("dbStorageGb")), singleVm, singleVmProtected,
                stage(m, LEGACY_STAGE), stage(m, RETIRED_STAGE),
                m.get(CLOUD) instanceof String c ? Cloud.fromId(c) : Optional.empty(), whole(m.get(DB_SHARDS)),
                m.get(ASSETS_LOCATION) instanceof String l && !l.isBlank() ? Optional.of(l) : Optional.empty());
    }

    private static Optional<Stage> stage(Map<?, ?> m, String key) {
        return m.get(key) instanceof String s ? Stage.fromId(s) : Optional.empty();
    }

    private static int whole(Object v) {
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < Integer.MAX_VALUE) {
            return (int) n.doubleValue();
        }
        return 0;
    }
}
