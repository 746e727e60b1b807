package uk.alluris.records.photos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Multipart uploads and binary downloads against records' photo API (ServiceCalls speaks text only). */
final class PhotoCalls {

    record Bytes(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    PhotoCalls(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Uploads {@code image} as the {@code file} part, declared as {@code declaredType}, with an optional takenAt. */
    Bytes upload(String subjectId, byte[] image, String declaredType, String takenAt, String token) {
        String boundary = "----photo" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: " + declaredType + "\r\n\r\n");
        body.writeBytes(image);
        write(body, "\r\n");
        if (takenAt != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"takenAt\"\r\n\r\n" + takenAt
                    + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nbefore, lips, front\r\n");
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + "/api/records/subjects/" + subjectId + "/photos"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    Bytes get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET()
                .build());
    }

    private Bytes send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
