package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path target;

    @Test
    void anArchiveFromThisBuildStartsTheExtractedJarWithIt() throws IOException {
        build(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:05Z"));

        assertThat(ClassDataSharing.of(target, "offer-service").map(ClassDataSharing::launch))
                .contains(java.util.List.of(
                        "-XX:SharedArchiveFile=" + target.resolve("cds/offer-service.jsa"),
                        "-Xshare:auto",
                        "-jar",
                        target.resolve("cds/offer-service.jar").toString()));
    }

    @Test
    void anArchiveOlderThanTheJarIsAnEarlierBuildsAndLeftAlone() throws IOException {
        build(Instant.parse("2026-12-01T10:00:05Z"), Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(ClassDataSharing.of(target, "offer-service")).isEmpty();
    }

    @Test
    void withoutAnArchiveTheFatJarIsStarted() throws IOException {
        Files.writeString(target.resolve("offer-service.jar"), "jar");

        assertThat(ClassDataSharing.of(target, "offer-service")).isEmpty();
    }

    private void build(Instant fatJarAt, Instant archiveAt) throws IOException {
        Files.createDirectories(target.resolve("cds"));
        Path fatJar = Files.writeString(target.resolve("offer-service.jar"), "jar");
        Files.writeString(target.resolve("cds/offer-service.jar"), "thin jar");
        Path archive = Files.writeString(target.resolve("cds/offer-service.jsa"), "archive");
        Files.setLastModifiedTime(fatJar, FileTime.from(fatJarAt));
        Files.setLastModifiedTime(archive, FileTime.from(archiveAt));
    }
}
