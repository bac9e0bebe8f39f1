package io.quanzi.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, one connection per request: sends exactly the bytes a hostile
 * client would (raw paths with {@code //}, {@code %00} or {@code ;}, huge headers, any content
 * type), which {@code java.net.http} refuses to build.
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** Sends a request; {@code headers} are name, value pairs; {@code body} may be null. */
    Answer send(String method, String rawTarget, Map<String, String> headers, byte[] body) {
        StringBuilder head =
                new StringBuilder().append(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            // Read one framed answer, then close: the server keeps the connection (closing it with
            // an unread request body would reset it before the answer is read).
            return parse(readAnswer(socket.getInputStream()), method + " " + rawTarget);
        } catch (IOException failed) {
            throw new IllegalStateException(method + " " + abbreviate(rawTarget) + ": " + failed, failed);
        }
    }

    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] buffer = new byte[16_384];
        int headEnd = -1;
        while (headEnd < 0) {
            int read = in.read(buffer);
            if (read < 0) {
                return raw.toByteArray();
            }
            raw.write(buffer, 0, read);
            headEnd = indexOf(raw.toByteArray(), separator);
        }
        String head = new String(raw.toByteArray(), 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
        boolean chunked = head.contains("\r\ntransfer-encoding: chunked");
        int bodyStart = headEnd + 4;
        if (head.startsWith("http/1.1 1") || head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304")) {
            return raw.toByteArray();
        }
        while (true) {
            byte[] sofar = raw.toByteArray();
            if (length.find(0) && sofar.length - bodyStart >= Integer.parseInt(length.group(1))) {
                return sofar;
            }
            if (chunked
                    && indexOf(sofar, bodyStart, "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) >= 0
                    && endsChunks(sofar, bodyStart)) {
                return sofar;
            }
            int read = in.read(buffer);
            if (read < 0) {
                return raw.toByteArray();
            }
            raw.write(buffer, 0, read);
        }
    }

    /** Whether the chunked body starting at {@code from} is complete (walks the chunk sizes). */
    private static boolean endsChunks(byte[] data, int from) {
        int at = from;
        while (at < data.length) {
            int lineEnd = indexOf(data, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                return false;
            }
            int size;
            try {
                size = Integer.parseInt(
                        new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            } catch (NumberFormatException notYet) {
                return false;
            }
            if (size == 0) {
                return indexOf(data, lineEnd, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) >= 0;
            }
            at = lineEnd + 2 + size + 2;
        }
        return false;
    }

    private static Answer parse(byte[] raw, String request) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("No HTTP answer to " + abbreviate(request) + ": "
                    + abbreviate(new String(raw, StandardCharsets.ISO_8859_1)));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] content = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            content = unchunk(content);
        }
        return new Answer(request, status, headers, new String(content, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 160 ? printable : printable.substring(0, 160) + "…(" + text.length() + ")";
    }

    /** One answer. */
    record Answer(String request, int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json") && problemType() != null;
        }

        String problemType() {
            try {
                JsonNode json = JSON.readTree(body);
                return json.has("type") ? json.get("type").asString() : null;
            } catch (RuntimeException notJson) {
                return null;
            }
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return abbreviate(request) + " → " + status + " " + header("content-type") + " " + abbreviate(body);
        }
    }
}
