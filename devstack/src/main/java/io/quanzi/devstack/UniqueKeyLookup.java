package io.quanzi.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index of the embedded server that also answers a query which sets its keys among other conditions
 * ({@link PinnedKeys}): a guarded single-document write reads one document instead of the collection. Everything
 * else is the library's own index.
 */
final class UniqueKeyLookup<P> extends Index<P> {

    private final Index<P> index;

    UniqueKeyLookup(Index<P> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
    }

    private Document pinned(Document query) {
        Document pinned = PinnedKeys.of(getKeys(), query, true);
        return pinned != null && index.canHandle(pinned) ? pinned : null;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || pinned(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (index.canHandle(query)) {
            return index.getPositions(query);
        }
        return index.getPositions(pinned(query));
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public String toString() {
        return index.toString();
    }
}
