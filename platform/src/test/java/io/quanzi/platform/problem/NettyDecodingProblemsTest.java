package io.quanzi.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Reactor Netty refuses itself, before any filter: a long URL, large headers. */
@SpringBootTest(
        classes = ProblemTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration,"
                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration,"
                + "io.quanzi.platform.health.PlatformHealthAutoConfiguration")
class NettyDecodingProblemsTest {

    @LocalServerPort
    int port;

    @Test
    void tooLongUrlIs414Problem() throws IOException {
        String answer = raw("GET /api/things?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 414");
        assertProblem(answer, "urn:quanzi:problem:uri-too-long");
    }

    @Test
    void tooLargeHeadersAre431Problem() throws IOException {
        String answer = raw("GET /api/things HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431");
        assertProblem(answer, "urn:quanzi:problem:headers-too-large");
    }

    @Test
    void ordinaryAnswersAreUntouched() throws IOException {
        String answer = raw("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").contains("UP");
    }

    private static void assertProblem(String answer, String type) {
        String lower = answer.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).contains("content-type: application/problem+json").contains("x-request-id: ");
        assertThat(answer).contains("\"type\":\"" + type + "\"");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = in.read(buffer)) >= 0) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException ignored) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
