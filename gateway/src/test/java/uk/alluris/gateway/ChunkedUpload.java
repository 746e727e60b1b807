package uk.alluris.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A POST whose body streams in chunks with no Content-Length, written on a raw socket as an attacker would: up to
 * {@code totalBytes} of body, while the answer is read at the same time. {@link Answer#wholeBodySent()} tells whether
 * the server waited for the whole body before it answered.
 */
public final class ChunkedUpload {

    private ChunkedUpload() {
    }

    public record Answer(int status, String head, String body, boolean wholeBodySent, long bytesSent) {
    }

    public static Answer post(int port, String path, String clientAddress, long totalBytes) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nX-Forwarded-For: " + clientAddress + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicBoolean answered = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Boolean> writing = CompletableFuture.supplyAsync(() -> write(out, totalBytes, answered, sent));
            byte[] answer = readAnswer(socket.getInputStream());
            answered.set(true);
            // closing wakes a writer blocked on a full socket buffer
            socket.close();
            boolean whole = writing.join();
            String text = new String(answer, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : text.substring(split + 4),
                    whole, sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small JSON body sent in two chunks without a length. */
    public static Answer postJson(int port, String path, String clientAddress, String json) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            int half = body.length / 2;
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\nX-Forwarded-For: " + clientAddress + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(request, Arrays.copyOfRange(body, 0, half));
            chunk(request, Arrays.copyOfRange(body, half, body.length));
            request.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            String text = new String(readAnswer(socket.getInputStream()), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(0, split), text.substring(split + 4),
                    true, body.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean write(OutputStream out, long totalBytes, AtomicBoolean answered, AtomicLong sent) {
        byte[] data = new byte[8192];
        Arrays.fill(data, (byte) 'x');
        try {
            while (sent.get() < totalBytes) {
                if (answered.get()) {
                    return false;
                }
                ByteArrayOutputStream piece = new ByteArrayOutputStream();
                chunk(piece, data);
                out.write(piece.toByteArray());
                sent.addAndGet(data.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException closedByTheServer) {
            return false;
        }
    }

    private static void chunk(ByteArrayOutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The status line, headers and a body of the declared length (or up to the end of the stream). */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != -1) {
            answer.write(next);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                int length = contentLength(text.substring(0, end));
                if (length >= 0) {
                    answer.write(in.readNBytes(length));
                    return answer.toByteArray();
                }
                answer.write(in.readAllBytes());
                return answer.toByteArray();
            }
        }
        return answer.toByteArray();
    }

    private static int contentLength(String head) {
        return head.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(15).trim())).findFirst().orElse(-1);
    }
}
