package io.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive kept next to the jar: reused while the jar is unchanged, rewritten after a rebuild. */
class TunedLauncherTest {
    @TempDir
    Path dir;

    @Test
    void anArchiveNewerThanTheJarIsReused() throws Exception {
        Path jar = file("stagecraft.jar", "2026-11-29T10:00:00Z");
        Path archive = file("stagecraft.jar.jsa", "2026-11-29T10:00:05Z");
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                TunedLauncher.classDataSharing(jar));
        assertTrue(Files.exists(archive));
    }

    @Test
    void anArchiveOlderThanTheJarIsDeletedAndWrittenAgainOnExit() throws Exception {
        Path jar = file("stagecraft.jar", "2026-11-29T10:00:05Z");
        Path archive = file("stagecraft.jar.jsa", "2026-11-29T10:00:00Z");
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                TunedLauncher.classDataSharing(jar));
        assertFalse(Files.exists(archive), "a stale archive would make the JVM warn and ignore it");
    }

    @Test
    void theFirstRunWritesTheArchive() throws Exception {
        Path jar = file("stagecraft.jar", "2026-11-29T10:00:00Z");
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + dir.resolve("stagecraft.jar.jsa"), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"), TunedLauncher.classDataSharing(jar));
    }

    @Test
    void runFromClassesNoCommandIsRelaunched() {
        // tests run from classes, not a jar: there is no jar to start again, so even plan runs in this JVM
        assertTrue(TunedLauncher.runningJar().isEmpty());
        assertTrue(TunedLauncher.relaunch(new String[] {"plan", "--stack", "dev"}).isEmpty());
        assertTrue(TunedLauncher.relaunch(new String[] {"size", "--users", "10"}).isEmpty());
        assertTrue(TunedLauncher.relaunch(new String[0]).isEmpty());
    }

    private Path file(String name, String modified) throws Exception {
        Path p = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(modified)));
        return p;
    }
}
