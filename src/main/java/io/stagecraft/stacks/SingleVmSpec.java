package io.stagecraft.stacks;

import io.stagecraft.components.ServerStartupScript;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.CloudProfile;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.ServerSplit;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Stage;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a single VM is built from, in provider terms: where it runs, its machine and disks, and what its boot script
 * carries. Made from the sizing plan while the single VM is the stage; recorded in the deployment facts so that after
 * a move up a stage the same VM can be declared again exactly as it was (same inputs, so Pulumi changes nothing but its
 * legacy mark) until its data is migrated and it is retired.
 *
 * @param environment the environment its resources are labelled with (kept as it was while it runs as legacy)
 * @param gpuModel   accelerator model, or null without GPUs
 * @param burstable  whether the machine is a burstable type (AWS runs those in unlimited credit mode)
 * @param dataDiskGb never smaller than any size the disk had before: a disk only grows
 * @param behindEdge the edge stands in front: web ports open to its ranges only, port 80 serves ACME challenges only
 */
public record SingleVmSpec(Stage stage, Cloud cloud, String environment, String region, String zone, String machineType,
                           String gpuModel,
                           int gpus, boolean burstable, int bootDiskGb, String bootDiskType, int dataDiskGb,
                           String dataDiskType, int snapshotRetentionDays, ServerSplit split, String appImage,
                           int appPort, List<String> domains, boolean behindEdge) {

    public SingleVmSpec {
        domains = List.copyOf(domains);
    }

    /** The single VM the plan sizes; the data disk keeps the largest size any earlier deployment gave it. */
    public static SingleVmSpec fromPlan(PlannedStack planned, PreviousDeployment previous) {
        SizingPlan plan = planned.plan();
        StackConfig config = planned.config();
        Catalog catalog = planned.catalog();
        Cloud cloud = plan.cloud();
        CloudProfile profile = catalog.profile(cloud);
        InstanceType type = plan.pools().get(0).type();
        String region = plan.primaryRegion();
        int dataDiskGb = Math.max(plan.storage().dataDiskGb(), Math.max(previous.dataDiskGb(),
                previous.singleVm().map(m -> whole(m.get("dataDiskGb"))).orElse(0)));
        return new SingleVmSpec(plan.stage(), cloud, config.environment().id(), region, catalog.zones(cloud, region).get(0),
                type.machineType(),
                type.gpuModel(), type.gpus(), "burstable".equals(catalog.familyClass(cloud, type.family())),
                plan.storage().bootDiskGb(), catalog.service(cloud, profile.bootDisk()).apiName(), dataDiskGb,
                catalog.service(cloud, profile.dataDisk()).apiName(), plan.storage().snapshotRetentionDays(),
                plan.server(), config.appImage(), config.appPort(), config.domains(), config.edgeOn());
    }

    /** The boot script, given where the data disk may appear. */
    public String script(List<String> dataDevices) {
        return new ServerStartupScript(split, appImage, appPort, domains, gpus > 0, dataDevices,
                SingleVm.edgeRanges(behindEdge)).render();
    }

    /** The spec as plain values for the deployment facts. */
    public Map<String, Object> facts() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : SingleVmSpec.class.getRecordComponents()) {
            Object v = get(c, this);
            if (v instanceof Stage s) {
                v = s.id();
            } else if (v instanceof Cloud k) {
                v = k.id();
            } else if (v instanceof ServerSplit split) {
                Map<String, Object> parts = new LinkedHashMap<>();
                for (RecordComponent p : ServerSplit.class.getRecordComponents()) {
                    parts.put(p.getName(), get(p, split));
                }
                v = parts;
            }
            if (v != null) {
                m.put(c.getName(), v);
            }
        }
        return m;
    }

    /**
     * A spec read back from the facts, checked as strictly as settings are: every value must be present and of the
     * right kind, the location and machine must be in the catalog, and the texts that reach the boot script must be
     * what the settings reader accepts. Anything else is absent: a bad fact must never reach a resource or a script.
     */
    public static Optional<SingleVmSpec> parse(Object value, Catalog catalog) {
        if (!(value instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        try {
            Stage stage = Stage.fromId(text(m, "stage")).filter(Stage::isSingleServer).orElseThrow();
            Cloud cloud = Cloud.fromId(text(m, "cloud")).orElseThrow();
            String environment = text(m, "environment");
            if (java.util.Arrays.stream(StackConfig.Environment.values()).noneMatch(e -> e.id().equals(environment))) {
                return Optional.empty();
            }
            String region = text(m, "region");
            String zone = text(m, "zone");
            if (!catalog.regions(cloud).contains(region) || !catalog.zones(cloud, region).contains(zone)) {
                return Optional.empty();
            }
            String machineType = text(m, "machineType");
            int gpus = whole(m.get("gpus"));
            String gpuModel = m.get("gpuModel") == null ? null : text(m, "gpuModel");
            boolean known = catalog.compute(cloud).stream().anyMatch(t -> t.machineType().equals(machineType)
                    && t.gpus() == gpus && java.util.Objects.equals(t.gpuModel(), gpuModel));
            String bootDiskType = text(m, "bootDiskType");
            String dataDiskType = text(m, "dataDiskType");
            boolean disksKnown = catalog.serviceByApiName(cloud, bootDiskType).isPresent()
                    && catalog.serviceByApiName(cloud, dataDiskType).isPresent();
            String appImage = text(m, "appImage");
            List<String> domains = new ArrayList<>();
            if (m.get("domains") instanceof List<?> l) {
                l.forEach(d -> domains.add(String.valueOf(d)));
            } else if (m.get("domains") != null) {
                return Optional.empty();
            }
            int appPort = whole(m.get("appPort"));
            if (!known || !disksKnown || !StackConfig.isImageReference(appImage) || appPort < 1 || appPort > 65535
                    || domains.size() > Setting.DOMAINS.max() || !domains.stream().allMatch(StackConfig::isDomainName)
                    || !(m.get("burstable") instanceof Boolean burstable)
                    || !(m.get("behindEdge") instanceof Boolean behindEdge) || behindEdge && domains.isEmpty()) {
                return Optional.empty();
            }
            Optional<ServerSplit> split = split(m.get("split"));
            int bootDiskGb = whole(m.get("bootDiskGb"));
            int dataDiskGb = whole(m.get("dataDiskGb"));
            int retention = whole(m.get("snapshotRetentionDays"));
            if (split.isEmpty() || bootDiskGb < 10 || dataDiskGb < 10 || retention < 1) {
                return Optional.empty();
            }
            return Optional.of(new SingleVmSpec(stage, cloud, environment, region, zone, machineType, gpuModel, gpus, burstable,
                    bootDiskGb, bootDiskType, dataDiskGb, dataDiskType, retention, split.get(), appImage, appPort, domains,
                    behindEdge));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The container split: every part a number, whole where the split counts whole units. */
    private static Optional<ServerSplit> split(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        RecordComponent[] parts = ServerSplit.class.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            if (!(m.get(parts[i].getName()) instanceof Number n) || n.doubleValue() < 0 || Double.isNaN(n.doubleValue())) {
                return Optional.empty();
            }
            if (types[i] == int.class) {
                if (n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                args[i] = n.intValue();
            } else {
                args[i] = n.doubleValue();
            }
        }
        try {
            return Optional.of(ServerSplit.class.getDeclaredConstructor(types).newInstance(args));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s) || s.isBlank() || s.length() > 512) {
            throw new IllegalArgumentException(key);
        }
        return s;
    }

    /** A positive whole number, or 0 when absent or malformed. */
    static int whole(Object v) {
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < Integer.MAX_VALUE
                && n.doubleValue() == Math.rint(n.doubleValue())) {
            return (int) n.doubleValue();
        }
        return 0;
    }
}
