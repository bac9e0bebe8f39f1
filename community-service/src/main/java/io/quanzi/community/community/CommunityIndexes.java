package io.quanzi.community.community;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the community indexes before serving: one membership per member and community, and the
 * brand's communities and activity.
 */
@Component
class CommunityIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        CommunityMembership.class,
                        new Index()
                                .on("communityId", Sort.Direction.ASC)
                                .on("memberId", Sort.Direction.ASC)
                                .unique()
                                .named("community_member_unique")),
                DocumentIndexes.of(
                        Community.class,
                        new Index().on("brandId", Sort.Direction.ASC).named("brand")),
                DocumentIndexes.of(
                        Activity.class,
                        new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("communityId", Sort.Direction.ASC)
                                .on("day", Sort.Direction.ASC)
                                .named("brand_community_day")));
    }
}
