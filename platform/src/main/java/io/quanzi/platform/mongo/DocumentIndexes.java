package io.quanzi.platform.mongo;

import java.util.List;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * Indexes of one document type, declared next to the document by its feature (an {@link
 * IndexDeclarations} bean) and created at start-up, in one place, by {@link MongoIndexCreator}.
 */
public record DocumentIndexes(Class<?> document, List<IndexDefinition> indexes) {

    public DocumentIndexes {
        indexes = List.copyOf(indexes);
    }

    public static DocumentIndexes of(Class<?> document, IndexDefinition... indexes) {
        return new DocumentIndexes(document, List.of(indexes));
    }
}
