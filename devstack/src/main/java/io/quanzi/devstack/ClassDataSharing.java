package io.quanzi.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An app's class-data-sharing archive, made by the build (the parent POM's {@code cds-extract} and {@code cds-train}):
 * the extracted jar in {@code target/cds/} and the classes its start loads in {@code target/cds/<app>.jsa}. Started
 * from them, an app needs about half the CPU to start. An archive older than the app's jar belongs to an earlier build
 * and is not used (the fat jar is then started as before).
 *
 * @param jar the extracted application jar (its libraries beside it in {@code lib/})
 * @param archive the archive of the classes loaded by a start
 */
record ClassDataSharing(Path jar, Path archive) {

    static Optional<ClassDataSharing> of(Path target, String module) {
        Path fatJar = target.resolve(module + ".jar");
        Path jar = target.resolve("cds").resolve(module + ".jar");
        Path archive = target.resolve("cds").resolve(module + ".jsa");
        try {
            if (Files.isRegularFile(jar)
                    && Files.isRegularFile(archive)
                    && !Files.getLastModifiedTime(archive)
                            .toInstant()
                            .isBefore(Files.getLastModifiedTime(fatJar).toInstant())) {
                return Optional.of(new ClassDataSharing(jar, archive));
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The JVM arguments that start the app from the archive. {@code -Xshare:auto} (the default, spelled out): an
     * archive this JVM cannot map is skipped with a warning, and the app starts all the same.
     */
    List<String> launch() {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-jar", jar.toString());
    }
}
