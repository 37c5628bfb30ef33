package io.stagecraft.engine;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.Log;
import com.pulumi.core.internal.OutputData;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.stagecraft.config.MapConfigSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the real Pulumi program in-process under the SDK's mock engine, with a given stack config, and records
 * every resource into a {@link ResourceGraph}. No cloud account and no Pulumi CLI: what a {@code pulumi preview}
 * would register, resolved with {@link OfflineMocks}.
 *
 * <p>Speed (docs/benchmarks.md): the SDK's default runner and engine logger build strings over every in-flight task
 * and every debug message; offline they are replaced by a {@link CountingRunner} and a {@link QuietEngineLogger}
 * (through the harness's deployment factory: SDK 1.36.1 internals, pinned in the pom). One run at a time per JVM:
 * the SDK keeps the deployment in a static holder.
 */
public final class OfflineEngine {
    public static final String PROJECT = "stagecraft";

    private OfflineEngine() {
    }

    /** The result of one offline run: the graph, the stack outputs, and any errors the program reported. */
    public record Run(ResourceGraph graph, Map<String, Object> outputs, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Runs a program with a stack config.
     *
     * @param previousOutputs what the stack's last deployment exported, as a stack reference to the stack itself reads
     *                        it (empty: a first deployment)
     */
    public static Run run(MapConfigSource config, Map<String, Object> previousOutputs, Consumer<Context> program) {
        String stack = config.stackName().orElse("dev");
        String project = config.get("gcp:project").orElse(null);
        String region = config.get("gcp:region").or(() -> config.get("aws:region"))
                .or(() -> config.get("stagecraft:region")).orElse(null);
        OfflineMocks mocks = new OfflineMocks(project, region, previousOutputs);
        QuietEngineLogger engineLog = new QuietEngineLogger();
        Logger quiet = Logger.getAnonymousLogger();
        quiet.setLevel(Level.WARNING);
        quiet.setUseParentHandlers(false);
        quiet.addHandler(engineLog.handler());
        RecordingMonitor[] monitor = new RecordingMonitor[1];
        PulumiTestInternal test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(PROJECT).stackName(stack).preview(false).build())
                .mocks(mocks)
                .standardLogger(quiet)
                .config(config.values(), config.secretKeys())
                .monitorDecorator(original -> {
                    monitor[0] = new RecordingMonitor(mocks, new Log(engineLog), PROJECT, stack);
                    return monitor[0];
                })
                .deploymentFactory(state -> {
                    // public, non-final fields of DeploymentState in SDK 1.36.1
                    state.logger = engineLog;
                    state.runner = new CountingRunner(engineLog);
                    return new DeploymentImpl(state);
                })
                .build();
        try {
            TestResult result = test.runTest(program::accept);
            List<String> errors = new ArrayList<>(result.errors());
            engineLog.errors().stream().filter(m -> !errors.contains(m)).forEach(errors::add);
            for (Exception e : result.exceptions()) {
                String message = rootMessage(e);
                if (errors.stream().noneMatch(m -> m.contains(message))) {
                    errors.add(message);
                }
            }
            Map<String, Object> outputs = new TreeMap<>();
            if (errors.isEmpty()) {
                for (Map.Entry<String, Output<?>> e : result.outputs().entrySet()) {
                    outputs.put(e.getKey(), value(e.getValue()));
                }
            }
            return new Run(new ResourceGraph(ordered(monitor[0].recorded())), outputs, errors);
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    private static Object value(Output<?> output) {
        OutputData<?> data = PulumiTestInternal.extractOutputData(output);
        if (data.isSecret()) {
            return ResourceNode.SECRET;
        }
        return data.isKnown() ? data.getValueNullable() : ResourceNode.UNKNOWN;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Depth-first from the stack, children by type then name: a stable order whatever order registrations finished in. */
    static List<ResourceNode> ordered(List<ResourceNode> nodes) {
        Map<String, List<ResourceNode>> children = new LinkedHashMap<>();
        List<ResourceNode> roots = new ArrayList<>();
        java.util.Set<String> urns = new java.util.HashSet<>();
        nodes.forEach(n -> urns.add(n.urn()));
        for (ResourceNode n : nodes) {
            if (n.parentUrn() == null || !urns.contains(n.parentUrn())) {
                roots.add(n);
            } else {
                children.computeIfAbsent(n.parentUrn(), k -> new ArrayList<>()).add(n);
            }
        }
        Comparator<ResourceNode> order = Comparator.comparing(ResourceNode::type).thenComparing(ResourceNode::name);
        List<ResourceNode> out = new ArrayList<>(nodes.size());
        roots.sort(order);
        java.util.Deque<ResourceNode> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            ResourceNode n = stack.pop();
            out.add(n);
            List<ResourceNode> kids = new ArrayList<>(children.getOrDefault(n.urn(), List.of()));
            kids.sort(order);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }
}
