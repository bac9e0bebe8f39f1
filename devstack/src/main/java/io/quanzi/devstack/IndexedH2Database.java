package io.quanzi.devstack;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/** An H2 database of the embedded server whose indexes answer the queries services make ({@link PinnedKeys}). */
final class IndexedH2Database extends H2Database {

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new UniqueKeyLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new SecondaryIndex<>(indexName, keys, sparse);
    }
}
