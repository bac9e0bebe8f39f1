package io.quanzi.community.community;

import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Editing a community (the brand's admins) and reading its member list (its leaders and moderators, and the brand's
 * admins). A core group stays invitation-only; a size cap never drops below the active members: the edit is one
 * conditional update on {@code memberCount}, so a join racing it cannot slip past the new cap.
 */
@Service
class CommunityAdministration {

    static final int MAX_PAGE = 100;

    private final ReactiveMongoTemplate mongo;
    private final CommunityMemberships memberships;
    private final MemberNames names;

    CommunityAdministration(ReactiveMongoTemplate mongo, CommunityMemberships memberships, MemberNames names) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.names = names;
    }

    Mono<CommunitySummary> edit(Caller caller, String communityId, CommunityEdit edit) {
        if (edit.sizeCap() != null && Boolean.TRUE.equals(edit.clearSizeCap())) {
            return Mono.error(Problem.badRequest("Give either 'sizeCap' or 'clearSizeCap', not both."));
        }
        return memberships.community(communityId).flatMap(community -> {
            if (!caller.isBrandAdminOf(community.brandId())) {
                return Mono.error(Problem.notBrandAdminOf(community.brandId()));
            }
            if (community.kind() == CommunityKind.CORE_GROUP
                    && edit.joinPolicy() != null
                    && edit.joinPolicy() != JoinPolicy.INVITE_ONLY) {
                return Mono.error(new Problem(
                        org.springframework.http.HttpStatus.BAD_REQUEST,
                        "core-group-invite-only",
                        "A core group is always invitation-only."));
            }
            Update update = new Update();
            if (edit.name() != null) {
                update.set("name", edit.name().strip());
            }
            if (edit.description() != null) {
                String description = edit.description().strip();
                update.set("description", description.isEmpty() ? null : description);
            }
            if (edit.joinPolicy() != null) {
                update.set("joinPolicy", edit.joinPolicy());
            }
            Criteria criteria = Criteria.where("_id").is(community.id());
            if (edit.sizeCap() != null) {
                update.set("sizeCap", edit.sizeCap());
                criteria = criteria.and("memberCount").lte(edit.sizeCap());
            } else if (Boolean.TRUE.equals(edit.clearSizeCap())) {
                update.set("sizeCap", null);
            }
            if (update.getUpdateObject().isEmpty()) {
                return Mono.just(CommunitySummary.of(community));
            }
            return mongo.findAndModify(
                            Query.query(criteria),
                            update,
                            FindAndModifyOptions.options().returnNew(true),
                            Community.class)
                    .switchIfEmpty(Mono.defer(() -> memberships
                            .community(communityId)
                            .flatMap(now -> Mono.error(Problem.conflict(
                                    "size-cap-below-members",
                                    "The community has " + now.memberCount()
                                            + " active members: the size cap cannot be lower.")))))
                    .map(CommunitySummary::of);
        });
    }

    /** Members of the community, oldest membership first, optionally of one status and role; {@code limit} per page. */
    Mono<CommunityMemberList> members(
            Caller caller, String communityId, MembershipStatus status, CommunityRole role, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Mono.error(Problem.badRequest("'limit' must be between 1 and " + MAX_PAGE + "."));
        }
        ObjectId after = cursor == null || cursor.isEmpty() ? null : cursorId(cursor);
        return memberships.access(communityId, caller).flatMap(access -> {
            if (!access.canModerate()) {
                return Mono.error(Problem.forbidden(
                        "not-community-moderator",
                        "Only the community's leaders, moderators and brand admins see its members."));
            }
            Criteria criteria = Criteria.where("communityId").is(access.communityId());
            if (status != null) {
                criteria = criteria.and("status").is(status);
            }
            if (role != null) {
                criteria = criteria.and("role").is(role);
            }
            if (after != null) {
                criteria = criteria.and("_id").gt(after);
            }
            Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit + 1);
            return mongo.find(query, CommunityMembership.class).collectList().flatMap(found -> {
                List<CommunityMembership> page = found.size() > limit ? found.subList(0, limit) : found;
                String next = found.size() > limit ? page.get(limit - 1).id() : null;
                return names.of(page.stream().map(CommunityMembership::memberId).toList())
                        .map(known -> new CommunityMemberList(
                                page.stream()
                                        .map(m -> CommunityMemberList.Entry.of(m, known.get(m.memberId())))
                                        .toList(),
                                next));
            });
        });
    }

    private static ObjectId cursorId(String cursor) {
        if (!ObjectId.isValid(cursor)) {
            throw Problem.badRequest("'cursor' is not a cursor this list returned.");
        }
        return new ObjectId(cursor);
    }
}
