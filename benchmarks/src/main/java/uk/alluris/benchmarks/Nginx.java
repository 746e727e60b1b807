package uk.alluris.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * nginx (the Debian package) as a reverse proxy to one upstream, with upstream keep-alive, started for the front-door
 * comparison from {@code frontdoor/nginx.conf.template}: as the current user, its pid, logs and temporary files under
 * a prefix of its own, on a free port; stopped when closed.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path prefix;

    private Nginx(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    /** nginx proxying to {@code upstreamUrl}; empty when nginx is not installed. */
    static Optional<Nginx> start(String upstreamUrl, Path workDirectory) throws IOException {
        Optional<Path> nginx = Wrk.onPath("nginx");
        if (nginx.isEmpty()) {
            return Optional.empty();
        }
        URI upstream = URI.create(upstreamUrl);
        Path prefix = Files.createDirectories(workDirectory.resolve("nginx"));
        int port = freePort();
        String template;
        try (InputStream in = Nginx.class.getResourceAsStream("/frontdoor/nginx.conf.template")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path config = prefix.resolve("nginx.conf");
        Files.writeString(config, template.replace("@PREFIX@", prefix.toString())
                .replace("@UPSTREAM@", upstream.getHost() + ":" + upstream.getPort())
                .replace("@PORT@", String.valueOf(port)));
        Process process = new ProcessBuilder(nginx.get().toString(), "-p", prefix.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx started = new Nginx(process, port, prefix);
        started.awaitListening(Duration.ofSeconds(10));
        return Optional.of(started);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(Duration patience) throws IOException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx did not start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IllegalStateException("nginx not listening on " + port + " after " + patience + ": " + log());
    }

    private String log() throws IOException {
        Path error = prefix.resolve("error.log");
        return Files.readString(prefix.resolve("stdout.log")) + (Files.exists(error) ? Files.readString(error) : "");
    }

    /** SIGTERM: nginx's fast shutdown, workers included. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
