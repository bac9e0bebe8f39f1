package io.quanzi.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole platform once per test run, exactly as the dev stack does but with an
 * in-memory MongoDB and a fresh Keycloak realm, and stops it when all tests are done.
 */
public class RunningStack implements BeforeAllCallback {

    private static Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningStack.class.getName(), key -> start(), Stack.class);
    }

    private static Stack start() {
        try {
            Path dir = Files.createTempDirectory("quanzi-it-");
            StackSettings settings = StackSettings.fromEnvironment(StackSettings.systemLookup())
                    .forTests(
                            dir,
                            Map.of(
                                    // Tests see a token expire within seconds instead of waiting out the
                                    // production leeway of 30 s.
                                    "quanzi.security.clock-skew",
                                    "1s",
                                    // FaultsIT kills offer-service mid-claim: a claim left behind is taken over
                                    // after 10 s instead of 30 s, and the recovery job looks every 3 s.
                                    "quanzi.coupons.claim-lease",
                                    "10s",
                                    "quanzi.coupons.recovery.interval",
                                    "3s"));
            stack = Stack.start(settings);
            return stack;
        } catch (ManagedProcess.ComponentFailed failed) {
            throw new IllegalStateException(failed.getMessage() + "\n" + ManagedProcess.tail(failed.log(), 60), failed);
        } catch (Exception failed) {
            throw new IllegalStateException("The stack did not start", failed);
        }
    }

    static Stack stack() {
        return stack;
    }
}
