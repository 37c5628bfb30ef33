package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.ALERT_POLICY;
import static io.stagecraft.policy.ResourceTypes.REDIS;
import static io.stagecraft.policy.ResourceTypes.SQL_INSTANCE;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cloud Monitoring: alerting that watches the stack's data stores watches all of them. */
final class MonitoringRules {
    private MonitoringRules() {
    }

    static List<Rule> all() {
        return List.of(WATCHES_EVERY_INSTANCE);
    }

    /**
     * A kind of data store as Cloud Monitoring names it: the monitored-resource type of its metrics, the label naming
     * one instance, and how that label's value ends for an instance of a given name.
     */
    private record Kind(String type, String what, String monitoredResource, String idLabel, String idPrefix) {
        /** The label value ends with the instance name and its closing quote. */
        boolean names(String filter, String instance) {
            return filter.contains(idPrefix + instance + "\"");
        }
    }

    private static final List<Kind> KINDS = List.of(
            // database_id is PROJECT:INSTANCE
            new Kind(SQL_INSTANCE, "Cloud SQL instance", "cloudsql_database", "resource.labels.database_id", ":"),
            // instance_id is projects/PROJECT/locations/REGION/instances/INSTANCE
            new Kind(REDIS, "Memorystore instance", "redis_instance", "resource.labels.instance_id", "/instances/"));

    static final Rule WATCHES_EVERY_INSTANCE = Rule.define("gcp-alerting-watches-every-instance")
            .title("Alerting that watches Cloud SQL or Memorystore watches every instance of it")
            .why("Alert policies name the instances they watch (the enterprise stage: every shard's primary and"
                    + " replicas, every region's cache). An instance left out, such as a shard or a region added without"
                    + " its policies, fills up or falls behind in silence while its siblings are watched. A policy"
                    + " watching a kind without naming instances covers all of them. A kind no policy watches is not"
                    + " judged (the horizontal stage watches its database, not its cache; the single-VM stages have no"
                    + " alerting). Advisory: monitoring, not data or access.")
            .fix("Name the instance in a policy's filter (resource.labels.database_id for Cloud SQL,"
                    + " resource.labels.instance_id for Memorystore), as the enterprise stage does for every shard and"
                    + " region.")
            .advisory().appliesTo(ALERT_POLICY, SQL_INSTANCE, REDIS)
            .onGraph(MonitoringRules::unwatched);

    private static List<Rule.Finding> unwatched(ResourceGraph graph, PolicyContext ctx) {
        List<String> filters = new ArrayList<>();
        for (ResourceNode policy : graph.ofType(ALERT_POLICY)) {
            Optional<List<String>> known = filters(policy);
            if (known.isEmpty()) {
                return List.of(); // a filter not known yet could watch anything: never fail on an unknown
            }
            filters.addAll(known.get());
        }
        List<Rule.Finding> out = new ArrayList<>();
        for (Kind kind : KINDS) {
            List<String> watching = filters.stream()
                    .filter(f -> f.contains("resource.type=\"" + kind.monitoredResource() + "\"")).toList();
            if (watching.isEmpty() || watching.stream().anyMatch(f -> !f.contains(kind.idLabel()))) {
                continue; // not watched at all, or watched whole
            }
            for (ResourceNode instance : graph.ofType(kind.type())) {
                String name = References.cloudName(instance);
                if (watching.stream().noneMatch(f -> kind.names(f, name))) {
                    out.add(new Rule.Finding(instance, "No alert policy names " + kind.what() + " " + name + ", though"
                            + " the stack's alerting watches other instances of it by name."));
                }
            }
        }
        return out;
    }

    /** Every condition's filter and denominator filter, or empty when one is not known. */
    private static Optional<List<String>> filters(ResourceNode policy) {
        Inputs.Lookup conditions = Inputs.at(policy, "conditions");
        if (conditions.unknown()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Object condition : conditions.items()) {
            for (String path : List.of("conditionThreshold.filter", "conditionThreshold.denominatorFilter")) {
                Inputs.Lookup filter = Inputs.at(condition, path);
                if (filter.unknown()) {
                    return Optional.empty();
                }
                if (filter.present()) {
                    out.add(filter.text());
                }
            }
        }
        return Optional.of(out);
    }
}
