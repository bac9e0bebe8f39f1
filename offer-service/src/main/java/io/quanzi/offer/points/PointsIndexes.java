package io.quanzi.offer.points;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The ledger's indexes, created before the app reports ready: the unique (brandId,
 * idempotencyKey) index is what makes every key apply at most once.
 */
@Component
class PointsIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        PointsEntry.class,
                        new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("idempotencyKey", Sort.Direction.ASC)
                                .unique()
                                .named("brand_key_unique")),
                DocumentIndexes.of(
                        PointsEntry.class,
                        new Index()
                                .on("state", Sort.Direction.ASC)
                                .on("createdAt", Sort.Direction.ASC)
                                .named("state_created")),
                DocumentIndexes.of(
                        PointsEntry.class,
                        new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("memberId", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.DESC)
                                .named("member_history")),
                DocumentIndexes.of(
                        PointsAccount.class,
                        new Index().on("brandId", Sort.Direction.ASC).named("brand")));
    }
}
