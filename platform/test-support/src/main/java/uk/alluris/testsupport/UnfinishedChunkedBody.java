package uk.alluris.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * An attacker's upload: a chunked body (no {@code Content-Length}) longer than a limit, whose last chunk never comes.
 * A server that reads a body whole before deciding can only wait; one that reads through a bounded stream answers as
 * soon as the limit is passed. Sent over a plain socket, since HTTP clients always finish their bodies.
 */
public final class UnfinishedChunkedBody {

    /** How long to wait for an answer before concluding the server is waiting for the rest of the body. */
    private static final int GIVE_UP_MILLIS = 60_000;

    private UnfinishedChunkedBody() {
    }

    /** POSTs {@code bytes} bytes of JSON-ish padding in chunks and returns the answer read while the body is open. */
    public static ServiceCalls.Answer post(String host, int port, String path, int bytes) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(GIVE_UP_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "X-Signature: t=1,v1=00\r\nX-Hub-Signature-256: sha256=00\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'x');
            InputStream in = socket.getInputStream();
            for (int sent = 0; sent < bytes; sent += chunk.length) {
                if (in.available() > 0) {
                    break; // answered already: sending more would only make the server reset the connection
                }
                try {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException refusedMidway) {
                    break; // the server stopped reading and closed: its answer is already on its way
                }
            }
            return read(in);
        } catch (SocketTimeoutException e) {
            return new ServiceCalls.Answer(0, "", "no answer while the body was still open: the server waited for it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceCalls.Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        int length = -1;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        // the answer's first bytes are enough to see it is a problem document
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readNBytes(Math.max(0, Math.min(in.available(), 4096)));
        return new ServiceCalls.Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }
}
