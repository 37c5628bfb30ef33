package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.POD_TEMPLATES;

import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Kubernetes workloads (every kind with a pod template): probes, requests and limits, and a locked-down container
 * security context. Each container is checked, the app's and any sidecar's; init containers too where they apply.
 */
final class KubernetesRules {
    private KubernetesRules() {
    }

    static List<Rule> all() {
        return List.of(PROBES, REQUESTS_AND_LIMITS, NON_ROOT, READ_ONLY_ROOT, DROP_CAPABILITIES);
    }

    static final Rule PROBES = Rule.define("k8s-liveness-readiness-probes")
            .title("Every long-running container has a liveness and a readiness probe")
            .why("Without a readiness probe a rolling update sends traffic to pods that are not ready (an update with"
                    + " maxUnavailable 0 then takes the service down anyway); without a liveness probe a hung process is"
                    + " never restarted. Mandatory: zero-downtime updates depend on it.")
            .fix("Give each container httpGet livenessProbe and readinessProbe on its health endpoint.")
            .mandatory().publicIds("CKV_K8S_8", "CKV_K8S_9").appliesTo(POD_TEMPLATES)
            .perResource((workload, ctx) -> eachContainer(workload, false, (name, c) -> {
                List<String> missing = new ArrayList<>();
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    if (Inputs.at(c, probe).missing()) {
                        missing.add(probe);
                    }
                }
                return missing.isEmpty() ? null : "container " + name + " has no " + String.join(" or ", missing) + ".";
            }));

    static final Rule REQUESTS_AND_LIMITS = Rule.define("k8s-requests-and-limits")
            .title("Every container requests CPU and memory and has limits for both")
            .why("Requests are what the scheduler packs nodes by, and what Stagecraft sized the node pools from: a"
                    + " container without them lands anywhere and starves its neighbours; without limits one runaway"
                    + " container takes a node's memory. Mandatory: the sizing plan means nothing without them.")
            .fix("Set resources.requests.cpu, resources.requests.memory, resources.limits.cpu and"
                    + " resources.limits.memory on each container.")
            .mandatory().publicIds("CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13").appliesTo(POD_TEMPLATES)
            .perResource((workload, ctx) -> eachContainer(workload, true, (name, c) -> {
                List<String> missing = new ArrayList<>();
                for (String path : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                    if (Inputs.at(c, "resources." + path).missing()) {
                        missing.add(path);
                    }
                }
                return missing.isEmpty() ? null : "container " + name + " sets no " + String.join(", ", missing) + ".";
            }));

    static final Rule NON_ROOT = Rule.define("k8s-non-root-no-escalation")
            .title("Containers run as non-root, unprivileged, without privilege escalation")
            .why("A container running as root, privileged or able to gain privileges (setuid binaries) turns an"
                    + " application bug into control of the node and every pod on it. Mandatory: container escape.")
            .fix("Set securityContext.runAsNonRoot true (pod or container), allowPrivilegeEscalation false and never"
                    + " privileged true on each container; build images that run as a non-root user.")
            .mandatory().publicIds("CKV_K8S_23", "CKV_K8S_20", "CKV_K8S_16").appliesTo(POD_TEMPLATES)
            .perResource((workload, ctx) -> {
                boolean podNonRoot = Inputs.at(workload, "spec.template.spec.securityContext.runAsNonRoot").isTrue();
                return eachContainer(workload, true, (name, c) -> {
                    List<String> problems = new ArrayList<>();
                    Inputs.Lookup nonRoot = Inputs.at(c, "securityContext.runAsNonRoot");
                    if (!(nonRoot.isTrue() || podNonRoot && !nonRoot.isFalse()) && !nonRoot.unknown()) {
                        problems.add("may run as root (runAsNonRoot not true)");
                    }
                    Inputs.Lookup escalation = Inputs.at(c, "securityContext.allowPrivilegeEscalation");
                    if (!escalation.isFalse() && !escalation.unknown()) {
                        problems.add("may escalate privileges (allowPrivilegeEscalation not false)");
                    }
                    if (Inputs.at(c, "securityContext.privileged").isTrue()) {
                        problems.add("is privileged");
                    }
                    return problems.isEmpty() ? null : "container " + name + " " + String.join(", ", problems) + ".";
                });
            });

    static final Rule READ_ONLY_ROOT = Rule.define("k8s-read-only-root-filesystem")
            .title("Containers have a read-only root filesystem")
            .why("An attacker who gets code execution cannot drop tools or alter the image's files; writes go to"
                    + " declared volumes (an emptyDir for /tmp). Advisory: some images need a writable root, with a"
                    + " waiver.")
            .fix("Set securityContext.readOnlyRootFilesystem true and mount an emptyDir where the app writes.")
            .advisory().publicIds("CKV_K8S_22").appliesTo(POD_TEMPLATES)
            .perResource((workload, ctx) -> eachContainer(workload, false, (name, c) -> {
                Inputs.Lookup ro = Inputs.at(c, "securityContext.readOnlyRootFilesystem");
                return ro.isTrue() || ro.unknown() ? null : "container " + name + " has a writable root filesystem.";
            }));

    static final Rule DROP_CAPABILITIES = Rule.define("k8s-drop-all-capabilities")
            .title("Containers drop every Linux capability")
            .why("The runtime's default capabilities (NET_RAW among them) let a compromised container spoof packets and"
                    + " probe the node's network; an application serving HTTP needs none. Advisory: an app that needs"
                    + " one adds it back explicitly, with a waiver.")
            .fix("Set securityContext.capabilities.drop to [ALL] on each container.")
            .advisory().publicIds("CKV_K8S_28", "CKV_K8S_37").appliesTo(POD_TEMPLATES)
            .perResource((workload, ctx) -> eachContainer(workload, false, (name, c) -> {
                Inputs.Lookup drop = Inputs.at(c, "securityContext.capabilities.drop");
                if (Inputs.hasUnknown(drop)) {
                    return null;
                }
                return Inputs.texts(drop).stream().anyMatch(d -> d.equalsIgnoreCase("ALL")) ? null
                        : "container " + name + " keeps the default capabilities (drop is not [ALL]).";
            }));

    /**
     * The problems a check finds with each container of the pod template (and its init containers when
     * {@code withInit}); nothing when the containers are not known yet.
     */
    private static List<String> eachContainer(ResourceNode workload, boolean withInit,
                                              BiFunction<String, Object, String> check) {
        List<String> problems = new ArrayList<>();
        List<String> lists = withInit ? List.of("containers", "initContainers") : List.of("containers");
        for (String list : lists) {
            Inputs.Lookup containers = Inputs.at(workload, "spec.template.spec." + list);
            if (containers.unknown()) {
                continue;
            }
            for (Object c : containers.items()) {
                String name = Inputs.at(c, "name").present() ? Inputs.at(c, "name").text() : "?";
                String problem = check.apply(name, c);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        if (Inputs.at(workload, "spec.template.spec.containers").missing()) {
            problems.add("It declares no containers.");
        }
        return problems;
    }
}
