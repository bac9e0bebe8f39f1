package io.quanzi.platform.mongo;

import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;

/**
 * Indexes of one document type, declared next to the document by its feature (an {@link
 * IndexDeclarations} bean) and created at start-up, in one place, by {@link MongoIndexCreator}. Indexes that serve a
 * mechanism rather than a type (the outbox array any collection may carry) name their collection instead.
 *
 * @param document the mapped type whose collection gets the indexes, or null when {@code collection} is set
 * @param collection the collection's name, or null when {@code document} is set
 */
public record DocumentIndexes(Class<?> document, String collection, List<IndexDefinition> indexes) {

    public DocumentIndexes {
        if ((document == null) == (collection == null)) {
            throw new IllegalArgumentException("Indexes belong to a document type or to a collection, one of the two");
        }
        indexes = List.copyOf(indexes);
    }

    public static DocumentIndexes of(Class<?> document, IndexDefinition... indexes) {
        return new DocumentIndexes(document, null, List.of(indexes));
    }

    public static DocumentIndexes inCollection(String collection, IndexDefinition... indexes) {
        return new DocumentIndexes(null, collection, List.of(indexes));
    }

    ReactiveIndexOperations operations(ReactiveMongoTemplate mongo) {
        return document != null ? mongo.indexOps(document) : mongo.indexOps(collection);
    }
}
