package io.stagecraft.policy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceOptions;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.engine.ResourceOptionsView;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a resource's args object, as a resource transformation receives it, into the plain input map the resource
 * graph records: the {@code @Import} fields by their wire names, {@link Output}s unwrapped when their value is already
 * known, nested args, lists and maps recursed, numbers as doubles. A value not known yet reads as
 * {@link ResourceNode#UNKNOWN}, a secret as {@link ResourceNode#SECRET}, as in the graph.
 *
 * <p>A value computed from another resource's outputs reads as unknown even when it has already arrived: whether it
 * has depends on timing (a warm JVM under the mock engine often resolves it before the next declaration; a real
 * engine rarely does), and a check must give the same answer every run. Such values are judged on the finished graph.
 */
final class InputValues {
    private static final Gson GSON = new Gson();

    private InputValues() {
    }

    /** The resource as a graph node, before it is registered (its URN reads {@code type::name}). */
    static ResourceNode node(Resource resource, ResourceArgs args, ResourceOptions options) {
        String type = resource.pulumiResourceType();
        String name = resource.pulumiResourceName();
        boolean deleteBeforeReplace = options instanceof CustomResourceOptions c && c.getDeleteBeforeReplace();
        ResourceOptionsView view = new ResourceOptionsView(options.isProtect(), List.of(), List.of(),
                options.getIgnoreChanges(), options.getReplaceOnChanges(), options.isRetainOnDelete(), deleteBeforeReplace,
                options.getVersion().orElse(null), null);
        return new ResourceNode(type + "::" + name, type, name, null, true, inputs(args), Map.of(), view);
    }

    /** The args' inputs by wire name; fields left unset are absent, as on the wire. */
    static Map<String, Object> inputs(InputArgs args) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (args == null) {
            return out;
        }
        for (Class<?> c = args.getClass(); c != null && InputArgs.class.isAssignableFrom(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Import imp = field.getAnnotation(Import.class);
                if (imp == null) {
                    continue;
                }
                Object value = plain(read(field, args));
                if (value != null) {
                    out.putIfAbsent(imp.name(), value);
                }
            }
        }
        return out;
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return ResourceNode.UNKNOWN;
        }
    }

    /** One value in plain Java: String, Double, Boolean, Map, List, or the unknown and secret markers. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Output<?> output) {
            return known(output);
        }
        if (value instanceof InputArgs nested) {
            return inputs(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object plain = plain(v);
                if (plain != null) {
                    out.put(String.valueOf(k), plain);
                }
            });
            return out;
        }
        if (value instanceof Either<?, ?> either) {
            return plain(either.isLeft() ? either.left() : either.right());
        }
        if (value instanceof JsonElement json) {
            return plain(GSON.fromJson(json, Object.class));
        }
        if (value instanceof Enum<?> e) {
            return enumValue(e);
        }
        if (value instanceof Resource) {
            return ResourceNode.UNKNOWN; // a reference: its URN is not known while it is being declared
        }
        return value.toString();
    }

    /** The value of an output whose data has already arrived and depends on no resource; anything else is unknown. */
    private static Object known(Output<?> output) {
        CompletableFuture<? extends OutputData<?>> data = Internal.of(output).getDataAsync();
        if (!data.isDone() || data.isCompletedExceptionally()) {
            return ResourceNode.UNKNOWN;
        }
        OutputData<?> d = data.join();
        if (!d.getResources().isEmpty()) {
            return ResourceNode.UNKNOWN;
        }
        if (d.isSecret()) {
            return ResourceNode.SECRET;
        }
        return d.isKnown() ? plain(d.getValueNullable()) : ResourceNode.UNKNOWN;
    }

    /** Pulumi's generated enums carry their wire value in getValue(). */
    private static Object enumValue(Enum<?> e) {
        try {
            Method getValue = e.getClass().getMethod("getValue");
            return plain(getValue.invoke(e));
        } catch (ReflectiveOperationException ex) {
            return e.name();
        }
    }
}
