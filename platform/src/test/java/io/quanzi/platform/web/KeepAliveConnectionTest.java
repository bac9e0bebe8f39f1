package io.quanzi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Guards the Reactor Netty version every service and the gateway run on. Reactor Netty 1.3.6 (what
 * Spring Boot 4.1.0 brings) stopped reading a keep-alive connection after a request that arrived
 * while the previous one was still finishing and was then answered at once: the next request on
 * that connection was never answered. A browser met it as a login that hung after Keycloak's form
 * (the callback went out on such a connection). The parent POM pins a version without the bug.
 */
class KeepAliveConnectionTest {

    private DisposableServer server;

    @BeforeEach
    void start() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> response.sendString(
                        request.uri().equals("/slow")
                                ? Mono.delay(Duration.ofMillis(50)).thenReturn("done")
                                : Mono.just("done")))
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void aConnectionKeepsServingAfterARequestThatArrivedWhileThePreviousWasFinishing() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            send(out, "GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\nGET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(answers(in, 2)).isEqualTo(2);

            send(out, "GET /next HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(answers(in, 1))
                    .as("the next request on the same connection is answered")
                    .isEqualTo(1);
        }
    }

    private static void send(OutputStream out, String requests) throws IOException {
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads until {@code expected} answers ("done" bodies) arrived or the socket timed out. */
    private static int answers(InputStream in, int expected) throws IOException {
        StringBuilder received = new StringBuilder();
        int seen = 0;
        try {
            while (seen < expected) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                received.append((char) next);
                if (received.toString().endsWith("\r\n\r\ndone")) {
                    seen++;
                    received.setLength(0);
                }
            }
        } catch (SocketTimeoutException timedOut) {
            // fewer answers than expected: the assertion says so
        }
        return seen;
    }
}
