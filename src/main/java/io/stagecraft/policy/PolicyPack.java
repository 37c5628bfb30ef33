package io.stagecraft.policy;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Stagecraft's stack policies, evaluated on the offline engine's resource graph (Pulumi's CrossGuard has no Java
 * SDK). The per-resource mandatory rules are also enforced while the program runs, by {@link PolicyEnforcement}.
 */
public final class PolicyPack {
    private final List<Rule> rules;

    private PolicyPack(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("two rules have the id " + r.id());
            }
        }
        this.rules = List.copyOf(rules);
    }

    /** Every rule, with today's stateful types. */
    public static PolicyPack defaults() {
        return standard(StatefulTypes.defaults());
    }

    /** Every rule, protecting the given stateful types (extend them as stages add RDS, ElastiCache or S3). */
    public static PolicyPack standard(StatefulTypes stateful) {
        return of(Stream.of(CloudSqlRules.all(), StorageRules.all(), IamRules.all(), ComputeRules.all(),
                NetworkRules.all(), LoadBalancerRules.all(), RedisRules.all(), PubSubRules.all(), MonitoringRules.all(), GkeRules.all(),
                KubernetesRules.all(),
                AwsRules.all(), AwsManagedRules.all(), CloudflareRules.all(),
                DataSafetyRules.all(stateful)).flatMap(List::stream).toList());
    }

    public static PolicyPack of(List<Rule> rules) {
        return new PolicyPack(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rules enforced inside {@code pulumi up}: per-resource and mandatory. */
    public List<Rule> enforcedInProgram() {
        return rules.stream().filter(r -> r.scope() == Scope.PER_RESOURCE && r.severity() == Severity.MANDATORY).toList();
    }

    /** Every resource type some rule reads. */
    public Set<String> coveredTypes() {
        Set<String> types = new java.util.TreeSet<>();
        rules.forEach(r -> types.addAll(r.resourceTypes()));
        return types;
    }

    /**
     * Refuses waivers this pack cannot honour: an unknown rule id, or a mandatory rule (mandatory rules protect data and
     * credentials; no stack may opt out).
     */
    public void checkWaivers(PolicyContext context) {
        for (Map.Entry<String, String> w : context.waivers().entrySet()) {
            String entry = w.getKey() + ": " + w.getValue();
            Optional<Rule> rule = rule(w.getKey());
            if (rule.isEmpty()) {
                throw new InvalidInputException(PolicyContext.WAIVERS_SETTING, entry, "no rule has the id " + w.getKey(),
                        "ids listed in docs/policies.md");
            }
            if (rule.get().severity() == Severity.MANDATORY) {
                throw new InvalidInputException(PolicyContext.WAIVERS_SETTING, entry, w.getKey() + " is MANDATORY and cannot be"
                        + " waived (" + rule.get().title() + ")", "waivers of ADVISORY rules only; fix the resource"
                        + " instead: " + rule.get().fix());
            }
        }
    }

    /** Evaluates every rule on the graph; waived advisory violations are reported apart with their reasons. */
    public PolicyReport evaluate(ResourceGraph graph, PolicyContext context) {
        checkWaivers(context);
        List<Violation> open = new ArrayList<>();
        List<PolicyReport.WaivedViolation> waived = new ArrayList<>();
        for (Rule rule : rules) {
            for (Violation v : rule.evaluate(graph, context)) {
                String reason = context.waivers().get(v.ruleId());
                if (reason != null) {
                    waived.add(new PolicyReport.WaivedViolation(v, reason));
                } else {
                    open.add(v);
                }
            }
        }
        open.sort(Comparator.comparing(Violation::severity)); // stable: rule and resource order kept within a severity
        return new PolicyReport(open, waived, rules.size(), graph.customResources().size());
    }

    /** The per-resource mandatory violations of one resource, as {@link PolicyEnforcement} checks it. */
    public List<Violation> enforce(ResourceNode resource, PolicyContext context) {
        List<Violation> out = new ArrayList<>();
        for (Rule rule : enforcedInProgram()) {
            out.addAll(rule.check(resource, context));
        }
        return out;
    }

    /** The rule table of docs/policies.md: id, what, why, severity, public checks, scope. */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Rule | What | Why | Severity | Public checks | Scope |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Rule r : rules) {
            sb.append("| `").append(r.id()).append("` | ").append(cell(r.title())).append(" | ").append(cell(r.why()))
                    .append(" Fix: ").append(cell(r.fix())).append(" | ").append(r.severity()).append(" | ")
                    .append(r.publicIds().isEmpty() ? "none" : String.join(", ", r.publicIds())).append(" | ")
                    .append(r.scope() == Scope.PER_RESOURCE ? "per resource" : "graph").append(" |\n");
        }
        return sb.toString();
    }

    /** The types Stagecraft creates that no rule reads, with the reason, as a table for docs/policies.md. */
    public static String typesWithoutRulesTable() {
        StringBuilder sb = new StringBuilder("| Resource type | Why no rule |\n| --- | --- |\n");
        TYPES_WITHOUT_RULES.forEach((type, why) -> sb.append("| `").append(type).append("` | ").append(cell(why)).append(" |\n"));
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Resource types the stages create that no rule reads, and why: they hold no data and grant no access by
     * themselves, or what matters about them is checked on the resource they serve.
     */
    public static final Map<String, String> TYPES_WITHOUT_RULES = typesWithoutRules();

    private static Map<String, String> typesWithoutRules() {
        String addressOnly = "An address: holds no data and admits nothing; firewall rules and security groups decide ingress.";
        String routing = "Routing only; ingress is decided by firewall rules or security groups.";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gcp:compute/address:Address", addressOnly);
        m.put("gcp:compute/globalAddress:GlobalAddress", addressOnly);
        m.put("gcp:compute/globalForwardingRule:GlobalForwardingRule",
                "Sends a port to a proxy; the proxies are checked (HTTPS certificate, HTTP redirect).");
        m.put("gcp:compute/backendBucket:BackendBucket",
                "Serves the bucket through Cloud CDN; the bucket's own rules keep it private.");
        m.put("gcp:compute/healthCheck:HealthCheck", "No data, access or exposure setting.");
        m.put("gcp:compute/regionAutoscaler:RegionAutoscaler", "Sizes the pool; the instance template carries the VM settings.");
        m.put("gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager",
                "Runs the pool; the instance template carries the VM settings.");
        m.put("gcp:compute/network:Network", routing);
        m.put("gcp:compute/router:Router", routing);
        m.put("gcp:compute/routerNat:RouterNat", "Outbound only: NAT admits no inbound connection.");
        m.put("gcp:compute/resourcePolicy:ResourcePolicy",
                "The snapshot schedule; its retention is a cost choice. gcp-disk-snapshot-schedule checks it is attached.");
        m.put("gcp:compute/securityPolicy:SecurityPolicy",
                "Cloud Armor rules are application-specific; gcp-lb-backend-cloud-armor checks one is attached.");
        m.put("gcp:monitoring/notificationChannel:NotificationChannel", "Alerting: no data or access.");
        m.put("gcp:secretmanager/secret:Secret",
                "The container; its value (secret-inputs-are-secret) and readers (IAM rules) are checked.");
        m.put("gcp:serviceaccount/account:Account", "An identity; its grants are checked on the IAM members.");
        m.put("gcp:servicenetworking/connection:Connection", "Private services peering: no public exposure.");
        m.put("gcp:pubsub/topic:Topic", "Holds no messages (its subscriptions do: the gcp-pubsub-* rules check them);"
                + " who may publish is checked on its IAM members.");
        String kubernetesPlumbing = "Configuration of workloads the Deployment rules check; holds no data and opens no"
                + " port by itself.";
        m.put("pulumi:providers:cloudflare", "Provider configuration: its token is a Pulumi secret (secret-inputs-are-secret"
                + " covers the settings).");
        m.put("pulumi:providers:kubernetes", "Provider configuration: a kubeconfig without credentials (an exec plugin"
                + " fetches short-lived tokens), kept as a secret.");
        String edge = "The edge's routing (docs/edge.md); the origin lock it relies on is checked on the firewalls, and"
                + " its records and TLS settings by the cloudflare-* rules.";
        m.put("gcp:certificatemanager/dnsAuthorization:DnsAuthorization", "Proves domain ownership for a Google-managed"
                + " certificate; gcp-lb-https-managed-certificate checks the certificates.");
        m.put("cloudflare:index/ruleset:Ruleset", edge);
        m.put("cloudflare:index/loadBalancer:LoadBalancer", edge);
        m.put("cloudflare:index/loadBalancerPool:LoadBalancerPool", edge);
        m.put("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", edge);
        m.put("kubernetes:core/v1:Namespace", kubernetesPlumbing);
        m.put("kubernetes:core/v1:ServiceAccount", "An identity; what it may do is the Google service account's grants,"
                + " checked on the IAM members.");
        m.put("kubernetes:core/v1:ConfigMap", "Settings without secret values (secrets stay in Secret Manager).");
        m.put("kubernetes:core/v1:Service", "Cluster-internal (ClusterIP); the Gateway and NetworkPolicies decide what"
                + " reaches it.");
        m.put("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", kubernetesPlumbing);
        m.put("kubernetes:policy/v1:PodDisruptionBudget", kubernetesPlumbing);
        m.put("kubernetes:networking.k8s.io/v1:NetworkPolicy", "Restricts traffic; gke-network-policy checks it is"
                + " enforced.");
        m.put("kubernetes:gateway.networking.k8s.io/v1:Gateway", "Its TLS comes from the certificate map (checked on the"
                + " Certificate Manager resources) and its backends carry Cloud Armor through GKE's backend policy.");
        m.put("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "Routing only.");
        m.put("kubernetes:networking.gke.io/v1:GCPBackendPolicy", "Backend settings (timeouts, affinity, Cloud Armor"
                + " policy name); the policy itself is a Cloud Armor resource.");
        m.put("kubernetes:networking.gke.io/v1:HealthCheckPolicy", "No data, access or exposure setting.");
        m.put("aws:ec2/eip:Eip", addressOnly);
        m.put("aws:ec2/internetGateway:InternetGateway", routing);
        m.put("aws:ec2/routeTable:RouteTable", routing);
        m.put("aws:ec2/routeTableAssociation:RouteTableAssociation", routing);
        m.put("aws:ec2/vpc:Vpc", routing);
        m.put("aws:ec2/volumeAttachment:VolumeAttachment", "Attaches the volume; the volume itself is checked.");
        m.put("aws:iam/role:Role", "Stagecraft's roles trust one AWS service each; IAM policy analysis is not in the pack yet.");
        m.put("aws:iam/instanceProfile:InstanceProfile", "Wraps a role for EC2; see aws:iam/role:Role.");
        m.put("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "Attaches an AWS-managed policy (SSM core, DLM service role); IAM policy analysis is not in the pack yet.");
        return java.util.Collections.unmodifiableMap(m);
    }
}
