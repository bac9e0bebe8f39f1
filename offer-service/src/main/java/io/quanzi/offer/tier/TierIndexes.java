package io.quanzi.offer.tier;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Indexes the tier review scans by (review and downgrade dates). */
@Component
class TierIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        MemberTier.class,
                        new Index().on("reviewAt", Sort.Direction.ASC).named("review_at")),
                DocumentIndexes.of(
                        MemberTier.class,
                        new Index().on("downgradeDueAt", Sort.Direction.ASC).named("downgrade_due_at")));
    }
}
