package io.stagecraft.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.Format;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.Stage;
import io.stagecraft.stacks.MigrationRunbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An offline plan as text (stage, sizing summary, resource tree, cost from the graph) or as JSON (the graph). */
public final class PlanReport {
    /** Inputs worth showing per resource type, as dotted paths. */
    private static final Map<String, List<String>> KEY_INPUTS = Map.ofEntries(
            Map.entry("gcp:compute/instance:Instance", List.of("machineType", "zone", "bootDisk.initializeParams.size",
                    "allowStoppingForUpdate")),
            Map.entry("gcp:compute/disk:Disk", List.of("type", "size", "zone")),
            Map.entry("gcp:compute/address:Address", List.of("region", "addressType")),
            Map.entry("gcp:compute/firewall:Firewall", List.of("allows.0.ports", "sourceRanges", "targetTags")),
            Map.entry("gcp:compute/network:Network", List.of("autoCreateSubnetworks")),
            Map.entry("gcp:compute/subnetwork:Subnetwork", List.of("region", "ipCidrRange", "privateIpGoogleAccess")),
            Map.entry("gcp:compute/resourcePolicy:ResourcePolicy", List.of(
                    "snapshotSchedulePolicy.schedule.dailySchedule.startTime",
                    "snapshotSchedulePolicy.retentionPolicy.maxRetentionDays")),
            Map.entry("gcp:serviceaccount/account:Account", List.of("accountId")),
            Map.entry("gcp:projects/iAMMember:IAMMember", List.of("role")),
            Map.entry("aws:ec2/instance:Instance", List.of("instanceType", "availabilityZone", "rootBlockDevice.volumeSize",
                    "metadataOptions.httpTokens")),
            Map.entry("aws:ebs/volume:Volume", List.of("type", "size", "encrypted", "availabilityZone")),
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("cidrBlock", "availabilityZone")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("ingress")),
            Map.entry("aws:ec2/eip:Eip", List.of("domain")),
            Map.entry("aws:dlm/lifecyclePolicy:LifecyclePolicy", List.of("policyDetails.schedules.0.retainRule.count")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", List.of("policyArn")),
            Map.entry("gcp:compute/instanceTemplate:InstanceTemplate", List.of("machineType", "disks.0.diskSizeGb")),
            Map.entry("gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager", List.of("targetSize",
                    "distributionPolicyZones", "autoHealingPolicies.initialDelaySec")),
            Map.entry("gcp:compute/regionAutoscaler:RegionAutoscaler", List.of("autoscalingPolicy.minReplicas",
                    "autoscalingPolicy.maxReplicas", "autoscalingPolicy.cpuUtilization.target",
                    "autoscalingPolicy.loadBalancingUtilization.target", "autoscalingPolicy.scaleInControl.timeWindowSec")),
            Map.entry("gcp:compute/healthCheck:HealthCheck", List.of("httpHealthCheck.requestPath")),
            Map.entry("gcp:compute/backendService:BackendService", List.of("timeoutSec", "sessionAffinity",
                    "backends.0.balancingMode", "backends.0.maxRatePerInstance")),
            Map.entry("gcp:compute/backendBucket:BackendBucket", List.of("enableCdn", "cdnPolicy.defaultTtl")),
            Map.entry("gcp:compute/globalForwardingRule:GlobalForwardingRule", List.of("portRange")),
            Map.entry("gcp:compute/managedSslCertificate:ManagedSslCertificate", List.of("managed.domains")),
            Map.entry("gcp:certificatemanager/certificate:Certificate", List.of("managed.domains")),
            Map.entry("gcp:certificatemanager/certificateMapEntry:CertificateMapEntry", List.of("hostname")),
            Map.entry("cloudflare:index/dnsRecord:DnsRecord", List.of("name", "type", "content", "proxied")),
            Map.entry("cloudflare:index/zoneSetting:ZoneSetting", List.of("settingId", "value")),
            Map.entry("gcp:compute/routerNat:RouterNat", List.of("sourceSubnetworkIpRangesToNat")),
            Map.entry("gcp:sql/databaseInstance:DatabaseInstance", List.of("settings.tier", "settings.availabilityType",
                    "region", "settings.diskSize", "settings.ipConfiguration.ipv4Enabled",
                    "settings.backupConfiguration.pointInTimeRecoveryEnabled")),
            Map.entry("gcp:redis/instance:Instance", List.of("tier", "memorySizeGb", "transitEncryptionMode", "authEnabled")),
            Map.entry("gcp:storage/bucket:Bucket", List.of("location", "versioning.enabled", "publicAccessPrevention")),
            Map.entry("gcp:secretmanager/secret:Secret", List.of("secretId")),
            Map.entry("gcp:monitoring/alertPolicy:AlertPolicy", List.of("conditions.0.conditionThreshold.thresholdValue",
                    "conditions.0.conditionThreshold.duration")));

    private PlanReport() {
    }

    public static String render(OfflinePlanner.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(SizingReport.header(r.plan()).replace("Estimated monthly cost", "Sized monthly cost")).append('\n');
        sb.append("Why this stage\n");
        r.plan().stageReasons().forEach(s -> sb.append("  - ").append(s).append('\n'));
        sb.append('\n').append(SizingReport.demand(r.plan().demand())).append('\n');
        sb.append(SizingReport.tiers(r.plan()));
        ResourceGraph g = r.run().graph();
        sb.append("Resources (").append(g.customResources().size()).append(" cloud resources in ")
                .append(g.resources().size() - g.customResources().size()).append(" components)\n");
        tree(sb, g);
        sb.append('\n').append(SizingReport.cost(r.graphCost()).replace("Monthly cost", "Monthly cost of these resources"));
        double diff = r.graphCost().monthlyTotal() - r.plan().monthlyCost();
        Optional<Stage> legacy = MigrationRunbook.legacyStage(r.run().outputs());
        if (legacy.isPresent()) {
            sb.append("  (the sizing plan's ").append(Format.usd(r.plan().monthlyCost())).append(" plus ")
                    .append(Format.usd(diff)).append(" for the legacy ").append(legacy.get().id())
                    .append(" stack kept until it is retired)\n");
        } else {
            sb.append(Math.abs(diff) < 0.01 ? "  (agrees with the sizing plan)\n"
                    : "  (differs from the sizing plan by " + Format.usd(diff) + ")\n");
        }
        sb.append("\nPolicy: ").append(r.policy().summary())
                .append(r.policy().hasMandatoryViolations() ? " -- pulumi up would stop; see `stagecraft policy`" : "")
                .append('\n');
        if (!r.run().outputs().isEmpty()) {
            sb.append("\nOutputs\n");
            r.run().outputs().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        List<String> notes = new ArrayList<>(r.notices());
        notes.addAll(r.plan().notes());
        sb.append("\nNotes\n");
        notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
        sb.append(runbook(r));
        return sb.toString();
    }

    /** The migration runbook as numbered text, when a legacy stage is kept; empty otherwise. */
    public static String runbook(OfflinePlanner.Result r) {
        List<String> steps = MigrationRunbook.steps(r.config(), r.run().outputs());
        if (steps.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\nMigration runbook (the legacy ")
                .append(MigrationRunbook.legacyStage(r.run().outputs()).orElseThrow().id())
                .append(" stack runs beside this stage, with its data, until you retire it)\n");
        for (int i = 0; i < steps.size(); i++) {
            sb.append(String.format("  %2d. ", i + 1)).append(steps.get(i)).append('\n');
        }
        return sb.toString();
    }

    private static void tree(StringBuilder sb, ResourceGraph g) {
        for (ResourceNode n : g.resources()) {
            int depth = g.ancestors(n).size() - 1;
            sb.append("  ").append("  ".repeat(Math.max(0, depth)))
                    .append(n.custom() ? "- " : "+ ").append(n.name()).append("  ").append(n.type());
            List<String> props = new ArrayList<>();
            for (String path : KEY_INPUTS.getOrDefault(n.type(), List.of())) {
                n.input(path).ifPresent(v -> props.add(path.substring(path.lastIndexOf('.') + 1) + "=" + compact(v)));
            }
            if (n.options().protect()) {
                props.add("protected");
            }
            if (!n.options().ignoreChanges().isEmpty()) {
                props.add("ignoreChanges=" + n.options().ignoreChanges());
            }
            if (!props.isEmpty()) {
                sb.append("  [").append(String.join(", ", props)).append(']');
            }
            sb.append('\n');
        }
    }

    private static String compact(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.containsKey("fromPort")) {
                    parts.add(compact(m.get("fromPort")) + "<-" + compact(m.get("cidrBlocks")));
                } else {
                    parts.add(compact(o));
                }
            }
            return String.join(" ", parts);
        }
        return String.valueOf(v);
    }

    /** The plan as JSON: sizing summary, every resource with inputs and options, cost from the graph, outputs. */
    public static String json(OfflinePlanner.Result r) {
        var gson = JsonReport.gson();
        JsonObject o = new JsonObject();
        o.addProperty("stack", r.config().stackName());
        o.addProperty("stage", r.plan().stage().id());
        o.addProperty("cloud", r.plan().cloud().id());
        o.add("regions", gson.toJsonTree(r.plan().regions()));
        o.add("sizing", JsonReport.toJson(r.plan()));
        JsonArray resources = new JsonArray();
        for (ResourceNode n : r.run().graph().nodes()) {
            JsonObject node = new JsonObject();
            node.addProperty("urn", n.urn());
            node.addProperty("type", n.type());
            node.addProperty("name", n.name());
            node.addProperty("parent", n.parentUrn());
            node.addProperty("custom", n.custom());
            node.add("inputs", gson.toJsonTree(n.inputs()));
            node.add("options", gson.toJsonTree(n.options()));
            resources.add(node);
        }
        o.add("resources", resources);
        JsonArray cost = new JsonArray();
        for (LineItem i : r.graphCost().items()) {
            cost.add(gson.toJsonTree(i));
        }
        o.add("cost", cost);
        o.addProperty("monthlyCostUsd", Math.round(r.graphCost().monthlyTotal() * 100) / 100.0);
        o.add("outputs", gson.toJsonTree(r.run().outputs()));
        o.add("notices", gson.toJsonTree(r.notices()));
        o.addProperty("policy", r.policy().summary());
        return gson.toJson(o) + "\n";
    }
}
