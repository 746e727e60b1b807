package uk.alluris.local;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * The embedded default's MongoDB-wire store: mongo-java-server on its H2 file backend, so data survives restarts.
 * Usage: {@code MongoStore [data-file]}; port from {@code MONGO_PORT} (default 27017), bound to 127.0.0.1 only.
 * <p>
 * Tuned by profiling the erasure path (docs/benchmarks.md, "The erasure path: where the time goes"): the services'
 * declared secondary indexes are kept ({@link SecondaryIndex}), so a match by blind index no longer scans its
 * collection; no oplog is kept (it copied every write into a collection that only change streams read, and no part of
 * the platform opens one); the page cache holds the working set, and the file is compacted less eagerly.
 */
public final class MongoStore {

    /** Page cache: at the default 16 MiB pages were re-read and deserialized from the file on most look-ups. */
    private static final int CACHE_MIB = 64;
    /** Rewrite chunks only when under half full: at H2's default (90 %) compaction was a sixth of the store's CPU. */
    private static final int COMPACT_BELOW_FILL_PERCENT = 50;

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
        MVStore store = new MVStore.Builder().fileName(file.toString())
                .cacheSize(CACHE_MIB)
                .autoCompactFillRate(COMPACT_BELOW_FILL_PERCENT)
                .open();
        MongoServer server = new MongoServer(new IndexedH2Backend(store));
        server.bind("127.0.0.1", port);
        return server;
    }
}
