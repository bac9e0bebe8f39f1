package io.quanzi.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A non-unique index for the embedded server, which otherwise keeps none: a query that sets the index's keys
 * ({@link PinnedKeys}) reads the documents with those values instead of the whole collection. It lives in memory
 * and is rebuilt from the documents when the database is opened, as the library does for an empty index.
 *
 * <p>Documents are found by their {@code _id}; an array value indexes the document under each element, as MongoDB's
 * multikey indexes do. The server runs one command at a time, so there is no locking here.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Map<KeyValue, Set<P>> positionsByKey = new HashMap<>();
    private final Map<KeyValue, Indexed<P>> byId = new HashMap<>();

    private record Indexed<P>(P position, Set<KeyValue> keys) {}

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    private static KeyValue idOf(Document document) {
        return new KeyValue(document.get(ID)).normalized();
    }

    private Set<KeyValue> keysOf(Document document) {
        Set<KeyValue> keys = getKeyValues(document);
        boolean noValue = keys.stream().allMatch(key -> key.stream().allMatch(Objects::isNull));
        return isSparse() && noValue ? Set.of() : keys;
    }

    @Override
    public boolean canHandle(Document query) {
        return PinnedKeys.of(getKeys(), query, false) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        Document pinned = PinnedKeys.of(getKeys(), query, false);
        List<KeyValue> wanted = new ArrayList<>();
        if (getKeys().size() == 1 && pinned.values().iterator().next() instanceof Document in) {
            for (Object value : (Collection<?>) in.get("$in")) {
                wanted.add(new KeyValue(value).normalized());
            }
        } else {
            List<Object> values = new ArrayList<>();
            for (IndexKey key : getKeys()) {
                values.add(pinned.get(key.getKey()));
            }
            wanted.add(new KeyValue(values).normalized());
        }
        Set<P> positions = new LinkedHashSet<>();
        for (KeyValue key : wanted) {
            positions.addAll(positionsByKey.getOrDefault(key, Set.of()));
        }
        return new ArrayList<>(positions);
    }

    @Override
    public P getPosition(Document document) {
        Indexed<P> indexed = byId.get(idOf(document));
        return indexed == null ? null : indexed.position();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {}

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        Set<KeyValue> keys = keysOf(document);
        if (keys.isEmpty()) {
            return;
        }
        byId.put(idOf(document), new Indexed<>(position, keys));
        for (KeyValue key : keys) {
            positionsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public P remove(Document document) {
        Indexed<P> indexed = byId.remove(idOf(document));
        if (indexed == null) {
            return null;
        }
        for (KeyValue key : indexed.keys()) {
            Set<P> positions = positionsByKey.get(key);
            if (positions != null) {
                positions.remove(indexed.position());
                if (positions.isEmpty()) {
                    positionsByKey.remove(key);
                }
            }
        }
        return indexed.position();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {}

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public long getCount() {
        return byId.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        positionsByKey.clear();
        byId.clear();
    }
}
