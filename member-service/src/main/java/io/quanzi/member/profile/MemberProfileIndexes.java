package io.quanzi.member.profile;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The profile indexes, created by the platform at start-up before the app reports ready: no request
 * is served until the one-profile-per-subject invariant they back is in place.
 */
@Component
class MemberProfileIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(DocumentIndexes.of(
                MemberProfile.class,
                new Index().on("subject", Sort.Direction.ASC).unique().named("subject_unique")));
    }
}
