package io.stagecraft.components;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.Objects;
import java.util.Optional;

/**
 * Where resources a later stage declares were declared by an earlier one: the URN of their former parent. Each
 * resource carried over gets an alias to its former URN (same type, its former name, the former parent), so
 * {@code pulumi up} updates it in place instead of creating a new one and deleting the old: what keeps a database,
 * a bucket and the network's peering in place when a stack moves up a stage. An alias is only consulted when the
 * resource's own URN is not in the stack yet; on a stack that never ran the earlier stage it matches nothing.
 *
 * <p>A {@code Moved} stands for one former component: its URN (as the engine in use writes URNs: it is derived from a
 * live URN) and its name, from which its children's former names follow.
 *
 * @param formerUrn  the former component's URN, the former parent of the resources carried over
 * @param formerName the former component's name
 */
public record Moved(Output<String> formerUrn, String formerName) {
    private static final String URN_PREFIX = "urn:pulumi:";

    public Moved {
        Objects.requireNonNull(formerUrn, "formerUrn");
        Objects.requireNonNull(formerName, "formerName");
    }

    /**
     * Children of {@code root} that were children of a component of another type with the same name: the root's own
     * URN with its type replaced (a stage stack that takes over from the previous stage's stack component).
     */
    public static Moved fromRetyped(Resource root, String name, String formerType) {
        return new Moved(root.urn().applyValue(urn -> retyped(urn, formerType)), name);
    }

    /** An alias to a former child of this component, by the child's former name (same type). */
    public Alias alias(String formerChildName) {
        // parentUrn before name: the SDK's builder (1.36.1) refuses parentUrn once a name is set (it checks the name
        // field where it means the parent)
        return Alias.builder().parentUrn(formerUrn).name(formerChildName).build();
    }

    /**
     * Adds to a child's options the alias to its former URN when its component was declared before: the child named
     * the former component's name plus {@code suffix} (e.g. {@code -primary}).
     */
    public static CustomResourceOptions.Builder keep(CustomResourceOptions.Builder options, Optional<Moved> moved,
                                                     String suffix) {
        moved.ifPresent(m -> options.aliases(m.alias(m.formerName() + suffix)));
        return options;
    }

    /** The former child component {@code formerChildName} of type {@code type}, whose own children follow it. */
    public Moved component(String type, String formerChildName) {
        return new Moved(formerUrn.applyValue(urn -> childUrn(urn, type, formerChildName)), formerChildName);
    }

    /** {@code urn:pulumi:stack::project::chain::name} with {@code $type} appended to the chain and the name replaced. */
    public static String childUrn(String parentUrn, String type, String name) {
        String[] p = parts(parentUrn);
        return URN_PREFIX + p[0] + "::" + p[1] + "::" + p[2] + "$" + type + "::" + name;
    }

    /** The same URN with the last type of its chain replaced. */
    public static String retyped(String urn, String type) {
        String[] p = parts(urn);
        int dollar = p[2].lastIndexOf('$');
        String chain = dollar < 0 ? type : p[2].substring(0, dollar + 1) + type;
        return URN_PREFIX + p[0] + "::" + p[1] + "::" + chain + "::" + p[3];
    }

    /** stack, project, type chain, name. */
    private static String[] parts(String urn) {
        if (urn == null || !urn.startsWith(URN_PREFIX)) {
            throw new IllegalArgumentException("not a Pulumi URN: " + urn);
        }
        String[] p = urn.substring(URN_PREFIX.length()).split("::", 4);
        if (p.length != 4 || p[2].isEmpty() || p[3].isEmpty()) {
            throw new IllegalArgumentException("not a Pulumi URN: " + urn);
        }
        return p;
    }
}
