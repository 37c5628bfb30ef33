package io.stagecraft.components;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;

/** Resource options every building block gives its children. */
public final class ChildOptions {
    private ChildOptions() {
    }

    public static CustomResourceOptions of(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    /**
     * For resources that hold data (disks, databases, buckets, caches): protected when the stack asks for it
     * (prod by default), so a {@code pulumi up} that would delete or replace them stops instead.
     */
    public static CustomResourceOptions stateful(Resource parent, boolean protect) {
        return CustomResourceOptions.builder().parent(parent).protect(protect).build();
    }

    /** A child whose listed inputs are only read at creation (e.g. a looked-up OS image). */
    public static CustomResourceOptions ignoring(Resource parent, String... paths) {
        return CustomResourceOptions.builder().parent(parent).ignoreChanges(List.of(paths)).build();
    }
}
