package io.stagecraft.diff;

import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a replacement-table path against the Java SDK of a pinned provider: the type token names the resource
 * class, its constructor names the Args class, and each path segment must be an {@code @Import} input of the class
 * reached so far (nested through {@code Output<XArgs>} or, behind a "*", {@code Output<List<XArgs>>}).
 */
final class PulumiArgsPaths {
    private PulumiArgsPaths() {
    }

    /**
     * "gcp:compute/disk:Disk" -> com.pulumi.gcp.compute.Disk;
     * "kubernetes:networking.k8s.io/v1:Ingress" -> com.pulumi.kubernetes.networking.v1.Ingress.
     */
    static String resourceClassName(String token) {
        String[] parts = token.split(":");
        String[] module = parts[1].split("/");
        // gcp and aws tokens carry the resource's file name after the slash, Kubernetes tokens the API version
        String javaPackage = parts[0].equals("kubernetes")
                ? module[0].replace(".k8s.io", "") + "." + module[1]
                : module[0];
        return "com.pulumi." + parts[0] + (javaPackage.equals("index") ? "" : "." + javaPackage) + "." + parts[2];
    }

    /** The Args class of the resource the token names, after checking the class really carries that token. */
    static Class<?> argsClass(String token) throws ClassNotFoundException {
        Class<?> resource = Class.forName(resourceClassName(token));
        ResourceType annotation = resource.getAnnotation(ResourceType.class);
        if (annotation == null || !annotation.type().equals(token)) {
            throw new IllegalStateException(resource.getName() + " is registered as "
                    + (annotation == null ? "nothing" : annotation.type()) + ", not " + token);
        }
        for (Constructor<?> c : resource.getConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length == 3 && params[0] == String.class && com.pulumi.resources.ResourceArgs.class.isAssignableFrom(params[1])) {
                return params[1];
            }
        }
        throw new IllegalStateException(resource.getName() + " has no (name, args, options) constructor");
    }

    /** Empty when the path resolves; otherwise why it does not. */
    static Optional<String> problem(Class<?> args, String path) {
        Class<?> current = args;
        boolean listPending = false;
        for (String segment : List.of(path.split("\\."))) {
            if (segment.equals("*")) {
                if (!listPending) {
                    return Optional.of("'*' follows an input that is not a list");
                }
                listPending = false;
                continue;
            }
            if (listPending) {
                return Optional.of("a list input needs '*' before '" + segment + "'");
            }
            if (current == null) {
                return Optional.of("'" + segment + "' goes below an input that has no nested inputs");
            }
            Field field = importedField(current, segment);
            if (field == null) {
                return Optional.of(current.getSimpleName() + " has no input '" + segment + "'");
            }
            Type valueType = outputValue(field.getGenericType());
            listPending = valueType instanceof ParameterizedType p && p.getRawType() == List.class;
            Type element = listPending ? ((ParameterizedType) valueType).getActualTypeArguments()[0] : valueType;
            current = element instanceof Class<?> c && com.pulumi.resources.ResourceArgs.class.isAssignableFrom(c) ? c : null;
        }
        return Optional.empty();
    }

    private static Field importedField(Class<?> type, String name) {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                Import imported = f.getAnnotation(Import.class);
                if (imported != null && imported.name().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Output<T> -> T; anything else as it is. */
    private static Type outputValue(Type fieldType) {
        if (fieldType instanceof ParameterizedType p && p.getRawType() == com.pulumi.core.Output.class) {
            return p.getActualTypeArguments()[0];
        }
        return fieldType;
    }
}
