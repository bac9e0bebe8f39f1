package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web app's browser tests (Playwright, {@code web/e2e}) against this stack, in Debian's headless
 * Chromium at a phone viewport: a new person registers through an invite link, RSVPs, shows the
 * ticket QR and is checked in, sees the points, claims a coupon, reads the app in Chinese; axe-core
 * on every main screen. Screenshots land in {@code web/e2e/artifacts}. Needs {@code /usr/bin/chromium}
 * (see {@code scripts/install-browser.sh}); the run fails, with the reason, when it is missing.
 */
@ExtendWith(RunningStack.class)
class WebAppBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private final Stack stack = RunningStack.stack();

    @Test
    void memberFlowsWorkInARealPhoneSizedBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium is needed for the browser tests: run scripts/install-browser.sh")
                .isTrue();
        Path web = stack.settings().home().resolve("web");
        // The report is copied line by line through System.out: a child writing straight to this JVM's
        // stdout would corrupt the channel failsafe reads its fork's results from.
        ProcessBuilder playwright = new ProcessBuilder("npx", "playwright", "test")
                .directory(web.toFile())
                .redirectErrorStream(true);
        playwright.environment().put("QUANZI_BASE_URL", stack.gatewayUrl());
        playwright.environment().put("QUANZI_KEYCLOAK_URL", stack.keycloakUrl());
        playwright.environment().put("QUANZI_KEYCLOAK_ADMIN", Components.KEYCLOAK_ADMIN);
        playwright.environment().put("QUANZI_KEYCLOAK_ADMIN_PASSWORD", Components.KEYCLOAK_ADMIN_PASSWORD);
        playwright.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright.environment().put("CHROMIUM_PATH", CHROMIUM.toString());

        Process run = playwright.start();
        Thread report = new Thread(() -> copyLines(run), "playwright-report");
        report.setDaemon(true);
        report.start();
        boolean finished = run.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        assertThat(finished).as("the browser tests finish within 15 minutes").isTrue();
        report.join(10_000);
        assertThat(run.exitValue())
                .as("Playwright's browser tests pass (their report is above in the build log)")
                .isZero();
    }

    private static void copyLines(Process run) {
        try (var lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(run.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> System.out.println("[playwright] " + line));
        } catch (java.io.IOException ended) {
            // the process ended; its exit code says how
        }
    }
}
