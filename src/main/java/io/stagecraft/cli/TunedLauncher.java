package io.stagecraft.cli;

import io.stagecraft.engine.EngineJvmFlags;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commands that run the offline engine ({@code plan}) are one-shot runs whose speed depends on JVM flags a jar
 * cannot set for itself. When started plainly from the jar, Stagecraft starts itself once more with
 * {@link EngineJvmFlags#recommended()} and a class-data-sharing archive kept next to the jar (written by the
 * first such run, reused while the jar is unchanged). Set STAGECRAFT_TUNE=0 to run in the first JVM instead.
 */
public final class TunedLauncher {
    static final String MARKER = "stagecraft.tuned";
    private static final Set<String> ENGINE_COMMANDS = Set.of("plan");

    private TunedLauncher() {
    }

    /** The exit code of the tuned child, or empty when this JVM should run the command itself. */
    public static Optional<Integer> relaunch(String[] args) {
        if (args.length == 0 || !ENGINE_COMMANDS.contains(args[0]) || System.getProperty(MARKER) != null
                || "0".equals(System.getenv("STAGECRAFT_TUNE")) || List.of(args).contains("--help")) {
            return Optional.empty();
        }
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(EngineJvmFlags.recommended());
        cmd.addAll(classDataSharing(jar.get()));
        cmd.add("-D" + MARKER + "=true");
        cmd.add("-cp");
        cmd.add(jar.get().toString());
        cmd.add("io.stagecraft.Main");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            return Optional.of(p.waitFor());
        } catch (Exception e) {
            return Optional.empty(); // could not start a second JVM: run here, untuned
        }
    }

    /** Reuse the archive if it is newer than the jar; otherwise this run writes it on exit. */
    static List<String> classDataSharing(Path jar) {
        Path archive = jar.resolveSibling(jar.getFileName() + ".jsa");
        try {
            if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
            if (Files.isWritable(jar.getParent())) {
                Files.deleteIfExists(archive); // stale: the jar was rebuilt
                return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
        } catch (Exception e) {
            // no archive: a little slower, same result
        }
        return List.of();
    }

    static Optional<Path> runningJar() {
        try {
            var location = TunedLauncher.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(location.toURI());
            return path.toString().endsWith(".jar") && new File(path.toString()).isFile() ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
