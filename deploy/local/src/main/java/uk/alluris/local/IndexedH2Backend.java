package uk.alluris.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend whose databases keep the secondary indexes the services declare
 * ({@link SecondaryIndex}) instead of ignoring them, so a look-up by an indexed field reads only the documents it
 * names, as on MongoDB.
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Not static: it opens its maps in the store of this backend while its own constructor still runs. */
    private final class IndexedH2Database extends H2Database {

        /** The H2 backend's own map names (its constants are not visible outside its package). */
        private static final String DATA_MAPS = "databases.";
        private static final String META_MAPS = "meta.";

        IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            return new IndexedH2Collection(this, collectionName, options, getMvStore().openMap(DATA_MAPS + name),
                    getMvStore().openMap(META_MAPS + name), cursorRegistry);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName) {
                Document counted = IndexedCount.answer(getDatabaseName(), query, resolveCollection(collectionName, false));
                if (counted != null) {
                    return counted;
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }
    }
}
