package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where deletion loses data nothing else holds, a protected stack also retains the resource on delete: the primary
 * database, the media bucket, the single VM's data disk. Copies (replicas), caches and addresses are protected only;
 * unprotected stacks (dev) neither protect nor retain.
 */
class DataSafetyTest {
    @Test
    void prodRetainsTheDataHoldersOnly() {
        ResourceGraph g = Plans.of("stacks/horizontal.yaml").run().graph();
        assertRetained(g.one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-primary"), true);
        assertRetained(g.one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-replica-1"), false);
        assertRetained(g.one("gcp:storage/bucket:Bucket"), true);
        assertRetained(g.one("gcp:redis/instance:Instance"), false);
        assertRetained(g.one("gcp:sql/database:Database"), false);
        assertEquals("ABANDON", g.one("gcp:sql/database:Database").string("deletionPolicy"),
                "deleting the resource never drops the database anyway");
    }

    @Test
    void theSingleVmDataVolumeOnAwsToo() {
        ResourceGraph g = Plans.of("stacks/single-vm-aws.yaml", Map.of("stagecraft:environment", "prod")).run().graph();
        assertRetained(g.one("aws:ebs/volume:Volume"), true);
        assertRetained(g.one("aws:ec2/eip:Eip"), false);
    }

    @Test
    void devNeitherProtectsNorRetains() {
        ResourceGraph g = Plans.of("stacks/single-vm.yaml").run().graph();
        ResourceNode disk = g.one("gcp:compute/disk:Disk");
        assertFalse(disk.options().protect());
        assertFalse(disk.options().retainOnDelete());
    }

    private static void assertRetained(ResourceNode n, boolean retained) {
        assertTrue(n.options().protect(), n.name() + " is protected in prod");
        assertEquals(retained, n.options().retainOnDelete(), n.name());
    }
}
