package io.stagecraft.engine;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's monitor, recording each registration exactly as it goes over the wire: type, name, parent,
 * inputs, and options (protect, dependencies, aliases, ignoreChanges, retainOnDelete, deleteBeforeReplace,
 * provider version).
 */
final class RecordingMonitor extends MockMonitor {
    private final List<ResourceNode> recorded = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            recorded.add(node(request, response));
            return response;
        });
    }

    private static ResourceNode node(RegisterResourceRequest r, RegisterResourceResponse response) {
        List<String> aliases = new ArrayList<>(r.getAliasURNsList());
        for (AliasOuterClass.Alias a : r.getAliasesList()) {
            aliases.add(a.hasSpec() ? describe(a.getSpec()) : a.getUrn());
        }
        ResourceOptionsView options = new ResourceOptionsView(r.getProtect(), r.getDependenciesList(), aliases,
                r.getIgnoreChangesList(), r.getReplaceOnChangesList(), r.getRetainOnDelete(), r.getDeleteBeforeReplace(),
                r.getVersion().isEmpty() ? null : r.getVersion(), r.getProvider().isEmpty() ? null : r.getProvider());
        return new ResourceNode(response.getUrn(), r.getType(), r.getName(), r.getParent().isEmpty() ? null : r.getParent(),
                r.getCustom(), StructValues.toMap(r.getObject()), StructValues.toMap(response.getObject()), options);
    }

    private static String describe(AliasOuterClass.Alias.Spec s) {
        StringBuilder sb = new StringBuilder("alias(");
        if (!s.getName().isEmpty()) {
            sb.append("name=").append(s.getName()).append(' ');
        }
        if (!s.getType().isEmpty()) {
            sb.append("type=").append(s.getType()).append(' ');
        }
        if (s.getNoParent()) {
            sb.append("noParent ");
        } else if (!s.getParentUrn().isEmpty()) {
            sb.append("parent=").append(s.getParentUrn()).append(' ');
        }
        return sb.toString().trim() + ")";
    }

    /** What was registered, in completion order; the engine sorts it by registration order of parents. */
    List<ResourceNode> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
