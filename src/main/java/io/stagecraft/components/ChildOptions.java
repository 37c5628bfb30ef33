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
     * For resources holding data nothing else can rebuild (a data disk, the primary database, the media bucket): in a
     * protected stack (prod by default) {@code protect}, so a {@code pulumi up} that would delete or replace them stops
     * instead, and {@code retainOnDelete}, so a deletion Pulumi is later told to make on purpose (retiring a legacy stage,
     * a replacement, a destroy after unprotecting) drops the resource from the stack but leaves it, and its data, in the
     * cloud until someone deletes it by hand. Unprotected stacks (dev) clean up after themselves.
     */
    public static CustomResourceOptions stateful(Resource parent, boolean protect) {
        return statefulBuilder(parent, protect).build();
    }

    /**
     * {@link #stateful} with the two options set apart: a legacy stage being retired is first unprotected while its
     * data disk stays retained, so removing it later leaves the disk in the cloud.
     */
    public static CustomResourceOptions stateful(Resource parent, boolean protect, boolean retainOnDelete) {
        return CustomResourceOptions.builder().parent(parent).protect(protect).retainOnDelete(retainOnDelete).build();
    }

    /** {@link #stateful} as a builder, for children that need more options (dependencies, ignored inputs). */
    public static CustomResourceOptions.Builder statefulBuilder(Resource parent, boolean protect) {
        return CustomResourceOptions.builder().parent(parent).protect(protect).retainOnDelete(protect);
    }

    /**
     * For resources whose identity matters but that hold no data (a static IP DNS points at, a cache warmed again from
     * the database, a read replica): protected when the stack asks for it, but deleted for real once Pulumi may delete
     * them, since keeping them would only keep billing.
     */
    public static CustomResourceOptions protectedIf(Resource parent, boolean protect) {
        return CustomResourceOptions.builder().parent(parent).protect(protect).build();
    }

    /** A child whose listed inputs are only read at creation (e.g. a looked-up OS image). */
    public static CustomResourceOptions ignoring(Resource parent, String... paths) {
        return CustomResourceOptions.builder().parent(parent).ignoreChanges(List.of(paths)).build();
    }
}
