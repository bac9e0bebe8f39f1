package io.quanzi.devstack;

import java.util.concurrent.CountDownLatch;

/**
 * The embedded default: {@code ./run.sh} builds the apps, then runs this. Ctrl-C stops everything.
 */
public final class DevStack {

    private DevStack() {}

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(StackSettings.systemLookup());
        Stack stack = Stack.prepare(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Quanzi…");
                            stack.close();
                            stopped.countDown();
                        },
                        "devstack-shutdown"));
        try {
            stack.startAll();
        } catch (ManagedProcess.ComponentFailed failed) {
            System.err.println();
            System.err.println("FAILED: " + failed.getMessage() + ". Last lines of " + failed.log() + ":");
            System.err.println(ManagedProcess.tail(failed.log(), 40));
            System.exit(1);
            return;
        } catch (RuntimeException failed) {
            System.err.println("FAILED: " + failed.getMessage());
            System.exit(1);
            return;
        }
        printSummary(stack);
        stopped.await();
    }

    private static void printSummary(Stack stack) {
        System.out.printf(
                """

                Quanzi is up in %.1f s (%d MB resident in all).

                  Web app and API (gateway)  %s
                  Keycloak                   %s  (admin console: %s / %s)
                  Services                   %s, %s, %s
                  MongoDB (embedded)         mongodb://127.0.0.1:%d
                  Logs                       %s

                  Demo logins (user / password):
                    alice / alice-demo   member
                    bob   / bob-demo     member
                    sam   / sam-demo     staff at demo-store-1
                    kim   / kim-demo     staff at demo-store-2
                    ada   / ada-demo     brand admin of demo-brand
                    otto  / otto-demo    brand admin of other-brand

                  Token for scripts (dev only):
                    curl -s -d grant_type=password -d client_id=quanzi-cli -d username=alice -d password=alice-demo \\
                      %s/realms/quanzi/protocol/openid-connect/token

                Press Ctrl-C to stop everything.
                """,
                stack.elapsedSeconds(),
                stack.residentMegabytes(),
                stack.gatewayUrl(),
                stack.keycloakUrl(),
                Components.KEYCLOAK_ADMIN,
                Components.KEYCLOAK_ADMIN_PASSWORD,
                stack.serviceUrl("member-service"),
                stack.serviceUrl("community-service"),
                stack.serviceUrl("offer-service"),
                stack.settings().ports().mongo(),
                stack.settings().logDir(),
                stack.keycloakUrl());
    }
}
