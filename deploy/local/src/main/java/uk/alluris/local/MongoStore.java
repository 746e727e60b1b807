package uk.alluris.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default's MongoDB-wire store: mongo-java-server on its H2 file backend, so data survives restarts.
 * Usage: {@code MongoStore [data-file]}; port from {@code MONGO_PORT} (default 27017), bound to 127.0.0.1 only.
 */
public final class MongoStore {

    private MongoStore() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "data/mongo/alluris.mv").toAbsolutePath();
        int port = Integer.parseInt(System.getenv().getOrDefault("MONGO_PORT", "27017"));
        MongoServer server = start(file, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A clean shutdown closes the H2 store, so the last writes are on disk for the next start.
            server.shutdown();
            stopped.countDown();
        }, "mongo-store-stop"));
        System.out.println("MongoDB-wire store on 127.0.0.1:" + server.getLocalAddress().getPort() + ", data in " + file);
        stopped.await();
    }

    /** Starts a store over {@code file} on {@code port} (0 for any free port). */
    public static MongoServer start(Path file, int port) throws Exception {
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        // mongo-java-server offers change streams only with its oplog on; real MongoDB has one anyway.
        server.enableOplog();
        server.bind("127.0.0.1", port);
        return server;
    }
}
