package io.stagecraft.engine;

import com.google.protobuf.Struct;
import com.pulumi.Log;
import com.pulumi.core.internal.Urn;
import com.pulumi.resources.Resource;
import com.pulumi.test.internal.MockMonitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's monitor, recording each registration exactly as it goes over the wire: type, name, parent,
 * inputs, and options (protect, dependencies, aliases, ignoreChanges, retainOnDelete, deleteBeforeReplace,
 * provider version).
 */
final class RecordingMonitor extends MockMonitor {
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private final List<ResourceNode> recorded = Collections.synchronizedList(new ArrayList<>());
    /** What each component (and the stack) registered as its outputs, by URN: what the state file keeps for it. */
    private final Map<String, Map<String, Object>> registeredOutputs = new java.util.concurrent.ConcurrentHashMap<>();
    private final OfflineMocks mocks;
    private final String project;
    private final String stack;

    RecordingMonitor(OfflineMocks mocks, Log log, String project, String stack) {
        super(mocks, log);
        this.mocks = mocks;
        this.project = project;
        this.stack = stack;
    }

    /**
     * Answers a registration directly: the response object is the request's own inputs (secret markers intact) plus
     * what the mocks compute, without the harness's round trip through its serializer and back.
     */
    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        this.resources.add(resource);
        String urn = Urn.create(stack, project, Optional.of(request.getParent()), request.getType(), request.getName());
        Map<String, Object> inputs = StructValues.toMap(request.getObject());
        RegisterResourceResponse.Builder response = RegisterResourceResponse.newBuilder().setUrn(urn);
        Map<String, Object> outputs;
        if (STACK_TYPE.equals(request.getType())) {
            outputs = Map.of();
        } else {
            OfflineMocks.Answer answer = mocks.answer(request.getType(), request.getName(), inputs);
            Struct.Builder object = request.getObject().toBuilder();
            answer.computed().forEach((k, v) -> object.putFields(k, StructValues.toValue(v)));
            response.setId(request.getCustom() ? answer.id() : "").setObject(object);
            outputs = new java.util.LinkedHashMap<>(inputs);
            outputs.putAll(answer.computed());
            if (request.getCustom()) {
                outputs.put("id", answer.id()); // what other resources reference (network.id(), ...)
            }
        }
        recorded.add(node(request, urn, inputs, outputs));
        return CompletableFuture.completedFuture(response.build());
    }

    private ResourceNode node(RegisterResourceRequest r, String urn, Map<String, Object> inputs,
                              Map<String, Object> outputs) {
        List<String> aliases = new ArrayList<>(r.getAliasURNsList());
        for (AliasOuterClass.Alias a : r.getAliasesList()) {
            aliases.add(a.hasSpec() ? resolve(r, a.getSpec()) : a.getUrn());
        }
        ResourceOptionsView options = new ResourceOptionsView(r.getProtect(), r.getDependenciesList(), aliases,
                r.getIgnoreChangesList(), r.getReplaceOnChangesList(), r.getRetainOnDelete(), r.getDeleteBeforeReplace(),
                r.getVersion().isEmpty() ? null : r.getVersion(), r.getProvider().isEmpty() ? null : r.getProvider());
        return new ResourceNode(urn, r.getType(), r.getName(), r.getParent().isEmpty() ? null : r.getParent(),
                r.getCustom(), inputs, outputs, options);
    }

    /**
     * The URN an alias spec stands for, as the engine resolves it: each field the spec leaves out is the resource's own
     * (name, type, stack, project, parent).
     */
    private String resolve(RegisterResourceRequest r, AliasOuterClass.Alias.Spec s) {
        String name = s.getName().isEmpty() ? r.getName() : s.getName();
        String type = s.getType().isEmpty() ? r.getType() : s.getType();
        String aliasStack = s.getStack().isEmpty() ? stack : s.getStack();
        String aliasProject = s.getProject().isEmpty() ? project : s.getProject();
        Optional<String> parent = s.getNoParent() ? Optional.empty()
                : Optional.of(s.getParentUrn().isEmpty() ? r.getParent() : s.getParentUrn()).filter(p -> !p.isEmpty());
        return Urn.create(aliasStack, aliasProject, parent, type, name);
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        registeredOutputs.put(request.getUrn(), StructValues.toMap(request.getOutputs()));
        return CompletableFuture.completedFuture(null);
    }

    /**
     * What was registered, in completion order; the engine sorts it by registration order of parents. A component's
     * outputs are the ones it registered (none if it never called registerOutputs, as a real state file would show).
     */
    List<ResourceNode> recorded() {
        List<ResourceNode> nodes;
        synchronized (recorded) {
            nodes = List.copyOf(recorded);
        }
        return nodes.stream().map(n -> n.custom() ? n : new ResourceNode(n.urn(), n.type(), n.name(), n.parentUrn(),
                false, n.inputs(), registeredOutputs.getOrDefault(n.urn(), Map.of()), n.options())).toList();
    }
}
