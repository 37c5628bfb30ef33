package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.OfflineEngine;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data disk's name, which the snapshot schedule attaches to. */
class GcpDataDiskTest {

    @Test
    void diskNameIsTheDisksAndTheScheduleAttachesToIt() {
        OfflineEngine.Run run = ComponentRun.of(ctx -> {
            GcpDataDisk disk = new GcpDataDisk("data", new GcpDataDisk.Args("us-central1", "us-central1-a", 50,
                    "pd-balanced", 7, false, false, Map.of()), ComponentRun.topLevel());
            ctx.export("diskName", disk.diskName());
        });
        Object name = run.graph().one("gcp:compute/disk:Disk", "data-disk").outputs().get("name");
        assertTrue(String.valueOf(name).startsWith("data-disk"), name.toString());
        assertEquals(name, run.outputs().get("diskName"));
        assertEquals(name, run.graph().one("gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment",
                "data-snapshot-schedule").string("disk"));
    }
}
