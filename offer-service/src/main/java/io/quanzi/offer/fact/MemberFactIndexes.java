package io.quanzi.offer.fact;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** One document per (member, brand, fact) and per (brand, member number), whatever the pushes race. */
@Component
class MemberFactIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        MemberFact.class,
                        new Index()
                                .on("memberId", Sort.Direction.ASC)
                                .on("brandId", Sort.Direction.ASC)
                                .on("fact", Sort.Direction.ASC)
                                .unique()
                                .named("member_brand_fact_unique")),
                DocumentIndexes.of(
                        MemberNumber.class,
                        new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("memberNumber", Sort.Direction.ASC)
                                .unique()
                                .named("brand_member_number_unique")));
    }
}
