package io.quanzi.platform.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything one service's database holds about a member, found by the member's id wherever it occurs in a document
 * (a field, a list, a nested outbox payload, or part of a key such as {@code first-post:{community}:{member}}): the
 * export gathers it, the erasure deletes or pseudonymizes it. Member ids are opaque identity-provider subjects
 * (UUIDs), so finding one inside a longer string is never a false match.
 *
 * <p>It reads every document of the service's collections (except {@link ErasurePolicy#untouched()}): erasure and
 * export are rare, member-initiated operations, and reading everything is what guarantees that no copy is missed.
 * Each change is a single-document update of just the paths that hold the id ({@code $set} per leaf), so concurrent
 * counters ({@code $inc}) are not lost; a document whose {@code _id} holds the id is copied under the new id and the
 * old one removed. Running it again finds nothing more to change: it is idempotent.
 */
public class MemberDataStore {

    private final ReactiveMongoTemplate mongo;
    private final ErasurePolicy policy;

    public MemberDataStore(ReactiveMongoTemplate mongo, ErasurePolicy policy) {
        this.mongo = mongo;
        this.policy = policy;
    }

    /** The member's documents per collection, as stored. */
    public Mono<Map<String, List<Document>>> export(String memberId) {
        Map<String, List<Document>> found = new LinkedHashMap<>();
        return collections()
                .concatMap(collection -> about(collection, memberId)
                        .collectList()
                        .filter(documents -> !documents.isEmpty())
                        .doOnNext(documents -> found.put(collection, documents)))
                .then(Mono.fromSupplier(() -> found));
    }

    /** Deletes or pseudonymizes every document about the member; completes with the number of documents changed. */
    public Mono<Long> erase(String memberId, String pseudonym) {
        return collections()
                .concatMap(collection -> about(collection, memberId)
                        .concatMap(document -> policy.deleted().contains(collection)
                                ? mongo.remove(new Query(where("_id").is(document.get("_id"))), collection)
                                        .thenReturn(1L)
                                : pseudonymize(collection, document, memberId, pseudonym)))
                .reduce(0L, Long::sum);
    }

    private Flux<String> collections() {
        return mongo.getCollectionNames()
                .filter(name ->
                        !name.startsWith("system.") && !policy.untouched().contains(name))
                .sort();
    }

    private Flux<Document> about(String collection, String memberId) {
        return mongo.findAll(Document.class, collection).filter(document -> mentions(document, memberId));
    }

    private Mono<Long> pseudonymize(String collection, Document document, String memberId, String pseudonym) {
        Object id = document.get("_id");
        Object newId = replaced(id, memberId, pseudonym);
        if (!newId.equals(id)) {
            Document copy = (Document) replaced(document, memberId, pseudonym);
            policy.cleared().forEach(field -> {
                if (copy.containsKey(field)) {
                    copy.put(field, null);
                }
            });
            return mongo.insert(copy, collection)
                    .onErrorResume(org.springframework.dao.DuplicateKeyException.class, exists -> Mono.empty())
                    .then(mongo.remove(new Query(where("_id").is(id)), collection))
                    .thenReturn(1L);
        }
        Update update = new Update();
        List<String> paths = new ArrayList<>();
        collect(document, "", memberId, pseudonym, update, paths);
        policy.cleared().forEach(field -> {
            if (document.get(field) != null) {
                update.set(field, null);
                paths.add(field);
            }
        });
        if (paths.isEmpty()) {
            return Mono.just(0L);
        }
        return mongo.updateFirst(new Query(where("_id").is(id)), update, collection)
                .thenReturn(1L);
    }

    /** Adds a {@code $set} for every leaf under {@code value} that holds the id. */
    private static void collect(
            Object value, String path, String memberId, String pseudonym, Update update, List<String> paths) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if (!"_id".equals(key) || !path.isEmpty()) {
                    collect(
                            child,
                            path.isEmpty() ? key.toString() : path + "." + key,
                            memberId,
                            pseudonym,
                            update,
                            paths);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "." + i, memberId, pseudonym, update, paths);
            }
        } else if (value instanceof String text && text.contains(memberId)) {
            update.set(path, text.replace(memberId, pseudonym));
            paths.add(path);
        }
    }

    private static Object replaced(Object value, String memberId, String pseudonym) {
        if (value instanceof Map<?, ?> map) {
            Document copy = new Document();
            map.forEach((key, child) ->
                    copy.put(key.toString().replace(memberId, pseudonym), replaced(child, memberId, pseudonym)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(child -> replaced(child, memberId, pseudonym))
                    .toList();
        }
        if (value instanceof String text) {
            return text.replace(memberId, pseudonym);
        }
        return value;
    }

    static boolean mentions(Object value, String memberId) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .anyMatch(entry ->
                            entry.getKey().toString().contains(memberId) || mentions(entry.getValue(), memberId));
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(child -> mentions(child, memberId));
        }
        return value instanceof String text && text.contains(memberId);
    }
}
