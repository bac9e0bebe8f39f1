package io.quanzi.devstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of a query an index can answer: every key of the index set to one value (or, for a single key, to an
 * {@code $in} list), whatever else the query asks. mongo-java-server uses an index only when the query names exactly
 * its keys, so {@code {_id: x, remaining: {$gt: 0}}} (a guarded write) scanned the whole collection. The documents
 * found through the pinned keys are still matched against the whole query, so the answer is the same.
 */
final class PinnedKeys {

    private PinnedKeys() {}

    /**
     * The query restricted to the index's keys, or {@code null} when one of them is not set to a value this rule
     * trusts: a missing key, {@code null} (it also matches a missing field), an array, a regular expression, or an
     * operator other than a lone {@code $in} on a single-key index.
     *
     * @param subdocuments whether a subdocument without operators counts as a value (exact equality)
     */
    static Document of(List<IndexKey> keys, Document query, boolean subdocuments) {
        if (prefix(keys, query, subdocuments) < keys.size()) {
            return null;
        }
        Document pinned = new Document();
        for (IndexKey key : keys) {
            pinned.put(key.getKey(), query.get(key.getKey()));
        }
        return pinned;
    }

    /**
     * How many of the index's keys, from the first, the query sets to a value this rule trusts (see {@link #of}); a
     * lone {@code $in} counts only on the first key, and ends the prefix. MongoDB uses a compound index the same way:
     * {@code {state: "PENDING", createdAt: {$lt: t}}} reads the {@code (state, createdAt)} index by its first key.
     */
    static int prefix(List<IndexKey> keys, Document query, boolean subdocuments) {
        int pinned = 0;
        for (IndexKey indexKey : keys) {
            String key = indexKey.getKey();
            if (!query.containsKey(key)) {
                break;
            }
            Object value = query.get(key);
            if (value instanceof Document condition && hasOperator(condition)) {
                return pinned == 0 && isPlainIn(condition) ? 1 : pinned;
            }
            if (!isPlainValue(value, subdocuments)) {
                break;
            }
            pinned++;
        }
        return pinned;
    }

    private static boolean hasOperator(Document condition) {
        return condition.keySet().stream().anyMatch(name -> name.startsWith("$"));
    }

    private static boolean isPlainIn(Document condition) {
        return condition.size() == 1
                && condition.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(value -> isPlainValue(value, false));
    }

    private static boolean isPlainValue(Object value, boolean subdocuments) {
        if (value == null
                || value instanceof Collection<?>
                || value instanceof Pattern
                || BsonRegularExpression.isRegularExpression(value)) {
            return false;
        }
        return subdocuments || !(value instanceof Document);
    }
}
