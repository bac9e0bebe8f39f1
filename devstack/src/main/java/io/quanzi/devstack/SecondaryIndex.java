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
 * <p>As in MongoDB, a query that sets only the first keys of a compound index reads it by that prefix ({@code {state:
 * "PENDING", createdAt: {$lt: t}}} on {@code (state, createdAt)}), provided the prefix leaves at most half of the
 * indexed documents: the server uses the first index that accepts a query, and a broad prefix (a brand id that every
 * document shares) would only add work to the scan it replaces, or keep a better index later in the list from the
 * query.
 *
 * <p>Documents are found by their {@code _id}; an array value indexes the document under each element, as MongoDB's
 * multikey indexes do. The server runs one command at a time, so there is no locking here.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final String ID = "_id";

    /** The index's prefixes, the first {@code n} keys at {@code [n - 1]}: the last one is the whole key. */
    private final List<Prefix<P>> prefixes = new ArrayList<>();

    private final Map<KeyValue, Indexed<P>> byId = new HashMap<>();

    /** Where a document is, and its values for each prefix (the last one: for the whole key). */
    private record Indexed<P>(P position, List<Set<KeyValue>> keysByPrefix) {}

    /**
     * The first keys of the index and the positions by their values. A document's values for a prefix are its values
     * for those keys alone: an empty array in a later key gives the whole key no value, as in the library, but leaves
     * the prefix with one.
     */
    private record Prefix<P>(Index<P> keys, Map<KeyValue, Set<P>> positions) {}

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        for (int length = 1; length <= keys.size(); length++) {
            Index<P> prefixKeys = length == keys.size() ? this : new SecondaryIndex<>(name, keys.subList(0, length));
            prefixes.add(new Prefix<>(prefixKeys, new HashMap<>()));
        }
    }

    /** Only for the values of a prefix of another index's keys. */
    private SecondaryIndex(String name, List<IndexKey> prefix) {
        super(name, prefix, false);
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
        int prefix = PinnedKeys.prefix(getKeys(), query, false);
        if (prefix == 0) {
            return false;
        }
        if (prefix == getKeys().size()) {
            return true;
        }
        Map<KeyValue, Set<P>> byPrefix = prefixes.get(prefix - 1).positions();
        long found = wanted(query, prefix).stream()
                .mapToLong(key -> byPrefix.getOrDefault(key, Set.of()).size())
                .sum();
        return found <= byId.size() / 2;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        int prefix = PinnedKeys.prefix(getKeys(), query, false);
        Map<KeyValue, Set<P>> byPrefix = prefixes.get(prefix - 1).positions();
        Set<P> positions = new LinkedHashSet<>();
        for (KeyValue key : wanted(query, prefix)) {
            positions.addAll(byPrefix.getOrDefault(key, Set.of()));
        }
        return new ArrayList<>(positions);
    }

    /** The values of the pinned prefix the query asks for: one, or one per element of an {@code $in}. */
    private List<KeyValue> wanted(Document query, int prefix) {
        List<KeyValue> wanted = new ArrayList<>();
        Object first = query.get(getKeys().get(0).getKey());
        if (prefix == 1 && first instanceof Document in) {
            for (Object value : (Collection<?>) in.get("$in")) {
                wanted.add(new KeyValue(List.of(value)).normalized());
            }
            return wanted;
        }
        List<Object> values = new ArrayList<>();
        for (IndexKey key : getKeys().subList(0, prefix)) {
            values.add(query.get(key.getKey()));
        }
        wanted.add(new KeyValue(values).normalized());
        return wanted;
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
        List<Set<KeyValue>> keysByPrefix = new ArrayList<>();
        for (Prefix<P> prefix : prefixes) {
            keysByPrefix.add(
                    prefix.keys() == this ? keysOf(document) : prefix.keys().getKeyValues(document));
        }
        if (isSparse() && keysByPrefix.get(keysByPrefix.size() - 1).isEmpty()) {
            return;
        }
        // Every other document is recorded, even one without a value (an empty array): the server asks each
        // non-sparse index where a document it deletes was.
        byId.put(idOf(document), new Indexed<>(position, keysByPrefix));
        for (int i = 0; i < prefixes.size(); i++) {
            for (KeyValue key : keysByPrefix.get(i)) {
                prefixes.get(i)
                        .positions()
                        .computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .add(position);
            }
        }
    }

    @Override
    public P remove(Document document) {
        Indexed<P> indexed = byId.remove(idOf(document));
        if (indexed == null) {
            return null;
        }
        for (int i = 0; i < prefixes.size(); i++) {
            Map<KeyValue, Set<P>> byPrefix = prefixes.get(i).positions();
            for (KeyValue key : indexed.keysByPrefix().get(i)) {
                Set<P> positions = byPrefix.get(key);
                if (positions != null) {
                    positions.remove(indexed.position());
                    if (positions.isEmpty()) {
                        byPrefix.remove(key);
                    }
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
        prefixes.forEach(prefix -> prefix.positions().clear());
        byId.clear();
    }
}
