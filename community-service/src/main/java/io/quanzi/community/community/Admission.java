package io.quanzi.community.community;

import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admission: joining, applying, approving, inviting, leaving, removing and banning. Every step is
 * one conditional update of the membership document from the statuses it may start from; a seat
 * in a capped community is reserved first with a conditional {@code $inc} on the community and
 * given back if the membership step then loses a race, so the cap is never exceeded.
 */
@Service
class Admission {

    /** Statuses a member may (re)join an OPEN community from. */
    private static final Set<MembershipStatus> REJOINABLE = EnumSet.of(
            MembershipStatus.LEFT,
            MembershipStatus.REJECTED,
            MembershipStatus.REMOVED,
            MembershipStatus.PENDING,
            MembershipStatus.INVITED);

    private static final Set<MembershipStatus> CAN_REAPPLY =
            EnumSet.of(MembershipStatus.LEFT, MembershipStatus.REJECTED, MembershipStatus.REMOVED);

    private final ReactiveMongoTemplate mongo;
    private final CommunityMemberships memberships;
    private final ActivityLog activity;
    private final ObjectProvider<JoinAttribution> attribution;
    private final Clock clock;

    Admission(
            ReactiveMongoTemplate mongo,
            CommunityMemberships memberships,
            ActivityLog activity,
            ObjectProvider<JoinAttribution> attribution,
            Clock clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.activity = activity;
        this.attribution = attribution;
        this.clock = clock;
    }

    /**
     * The caller joins (OPEN), applies (APPROVAL_REQUIRED) or, holding an invitation, accepts it.
     * An INVITE_ONLY community cannot be joined without an invitation; a banned member never gets in.
     */
    Mono<MembershipResponse> join(String communityId, Caller caller, String application) {
        requireMember(caller);
        return memberships
                .community(communityId)
                .flatMap(community -> memberships
                        .membership(community.id(), caller.subject())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(existing -> {
                            MembershipStatus status =
                                    existing.map(CommunityMembership::status).orElse(null);
                            if (status == MembershipStatus.BANNED) {
                                return Mono.error(banned());
                            }
                            if (status == MembershipStatus.ACTIVE
                                    || (status == MembershipStatus.PENDING
                                            && community.joinPolicy() == JoinPolicy.APPROVAL_REQUIRED)) {
                                return Mono.just(existing.get());
                            }
                            if (status == MembershipStatus.INVITED) {
                                return activate(
                                        community, caller.subject(), EnumSet.of(MembershipStatus.INVITED), false, null);
                            }
                            return switch (community.joinPolicy()) {
                                case OPEN -> activate(community, caller.subject(), REJOINABLE, true, null);
                                case APPROVAL_REQUIRED -> apply(community, caller.subject(), application);
                                case INVITE_ONLY ->
                                    Mono.error(
                                            Problem.forbidden(
                                                    "invitation-required",
                                                    "This community is invitation-only: a leader or the brand must invite you."));
                            };
                        }))
                .map(MembershipResponse::of);
    }

    Mono<MembershipResponse> acceptInvitation(String communityId, Caller caller) {
        requireMember(caller);
        return memberships
                .community(communityId)
                .flatMap(community ->
                        activate(community, caller.subject(), EnumSet.of(MembershipStatus.INVITED), false, null))
                .map(MembershipResponse::of);
    }

    Mono<MembershipResponse> mine(String communityId, Caller caller) {
        return memberships
                .community(communityId)
                .flatMap(community -> memberships.membership(community.id(), caller.subject()))
                .switchIfEmpty(Mono.error(
                        Problem.notFound("You have not joined, applied to or been invited to this community.")))
                .map(MembershipResponse::of);
    }

    Flux<MembershipResponse> pending(String communityId, Caller caller) {
        return moderator(communityId, caller)
                .flatMapMany(access -> mongo.find(
                        Query.query(Criteria.where("communityId")
                                        .is(communityId)
                                        .and("status")
                                        .is(MembershipStatus.PENDING))
                                .with(Sort.by("requestedAt"))
                                .limit(200),
                        CommunityMembership.class))
                .map(MembershipResponse::of);
    }

    Mono<MembershipResponse> approve(String communityId, Caller caller, String memberId) {
        return moderator(communityId, caller)
                .flatMap(access -> memberships.community(communityId))
                .flatMap(community ->
                        activate(community, memberId, EnumSet.of(MembershipStatus.PENDING), false, caller.subject()))
                .map(MembershipResponse::of);
    }

    Mono<MembershipResponse> reject(String communityId, Caller caller, String memberId, String reason) {
        return moderator(communityId, caller)
                .flatMap(access -> change(
                        communityId,
                        memberId,
                        EnumSet.of(MembershipStatus.PENDING),
                        null,
                        new Update()
                                .set("status", MembershipStatus.REJECTED)
                                .set("decisionReason", reason)
                                .set("decidedBy", caller.subject())
                                .set("updatedAt", clock.instant())))
                .switchIfEmpty(Mono.defer(() -> notInState(communityId, memberId, "a pending join request")))
                .map(MembershipResponse::of);
    }

    /** A leader or brand admin invites a member; the invitation waits for the member to accept it. */
    Mono<MembershipResponse> invite(String communityId, Caller caller, String memberId) {
        return memberships
                .access(communityId, caller)
                .flatMap(access -> {
                    if (!access.canInvite()) {
                        return Mono.error(Problem.forbidden(
                                "not-community-leader", "Only the community's leaders and brand admins invite."));
                    }
                    Instant now = clock.instant();
                    CommunityMembership invited = newMembership(access, memberId, MembershipStatus.INVITED, now)
                            .withInvitation(caller.subject());
                    return mongo.insert(invited).onErrorResume(DuplicateKeyException.class, already -> change(
                                    communityId,
                                    memberId,
                                    EnumSet.of(
                                            MembershipStatus.LEFT,
                                            MembershipStatus.REJECTED,
                                            MembershipStatus.REMOVED,
                                            MembershipStatus.PENDING),
                                    null,
                                    new Update()
                                            .set("status", MembershipStatus.INVITED)
                                            .set("invitedBy", caller.subject())
                                            .set("requestedAt", now)
                                            .set("decisionReason", null)
                                            .set("updatedAt", now))
                            .switchIfEmpty(Mono.defer(() -> memberships
                                    .membership(communityId, memberId)
                                    .flatMap(current -> switch (current.status()) {
                                        case INVITED -> Mono.just(current);
                                        case BANNED ->
                                            Mono.error(Problem.conflict(
                                                    "member-banned", "This member is banned from the community."));
                                        default ->
                                            Mono.error(Problem.conflict(
                                                    "already-member", "This member is already in the community."));
                                    }))));
                })
                .map(MembershipResponse::of);
    }

    /** The caller leaves, or withdraws an application or invitation. */
    Mono<MembershipResponse> leave(String communityId, Caller caller) {
        Instant now = clock.instant();
        return memberships.community(communityId).flatMap(community -> end(
                        community, caller.subject(), MembershipStatus.LEFT, null, null, true)
                .switchIfEmpty(Mono.defer(() -> change(
                        communityId,
                        caller.subject(),
                        EnumSet.of(MembershipStatus.PENDING, MembershipStatus.INVITED),
                        null,
                        new Update().set("status", MembershipStatus.LEFT).set("updatedAt", now))))
                .switchIfEmpty(Mono.defer(() -> notInState(communityId, caller.subject(), "a membership to leave")))
                .map(MembershipResponse::of));
    }

    Mono<MembershipResponse> remove(String communityId, Caller caller, String memberId, String reason) {
        return moderator(communityId, caller)
                .flatMap(access -> memberships
                        .community(communityId)
                        .flatMap(community -> end(
                                community,
                                memberId,
                                MembershipStatus.REMOVED,
                                reason,
                                caller.subject(),
                                mayActOnStaff(access))))
                .switchIfEmpty(Mono.defer(() -> notInState(communityId, memberId, "an active member you may remove")))
                .map(MembershipResponse::of);
    }

    /** Bans a member, whatever their status (even before they ever joined): they can never rejoin or apply. */
    Mono<MembershipResponse> ban(String communityId, Caller caller, String memberId, String reason) {
        // Who may moderate is checked first: a caller who may not gets 403, whoever they name.
        return moderator(communityId, caller)
                .flatMap(access -> memberId.equals(caller.subject())
                        ? Mono.<CommunityMembership>error(Problem.badRequest("You cannot ban yourself."))
                        : memberships
                                .community(communityId)
                                .flatMap(community -> banIn(community, access, caller, memberId, reason)))
                .map(MembershipResponse::of);
    }

    private Mono<CommunityMembership> banIn(
            Community community, CommunityAccess access, Caller caller, String memberId, String reason) {
        Instant now = clock.instant();
        Mono<CommunityMembership> banActive =
                end(community, memberId, MembershipStatus.BANNED, reason, caller.subject(), mayActOnStaff(access));
        Mono<CommunityMembership> banInactive = change(
                community.id(),
                memberId,
                EnumSet.complementOf(EnumSet.of(MembershipStatus.ACTIVE, MembershipStatus.BANNED)),
                null,
                new Update()
                        .set("status", MembershipStatus.BANNED)
                        .set("decisionReason", reason)
                        .set("decidedBy", caller.subject())
                        .set("updatedAt", now));
        Mono<CommunityMembership> banStranger = mongo.insert(
                        newMembership(access, memberId, MembershipStatus.BANNED, now)
                                .withDecision(reason, caller.subject()))
                .onErrorResume(DuplicateKeyException.class, raced -> memberships
                        .membership(community.id(), memberId)
                        .filter(current -> current.status() == MembershipStatus.BANNED)
                        .switchIfEmpty(Mono.error(Problem.conflict(
                                "membership-changed",
                                "The membership changed meanwhile, or you may not ban this member."))));
        return banActive.switchIfEmpty(Mono.defer(() -> banInactive)).switchIfEmpty(Mono.defer(() -> banStranger));
    }

    /** The brand's admins appoint leaders (KOLs) and moderators among active members. */
    Mono<MembershipResponse> appoint(String communityId, Caller caller, String memberId, CommunityRole role) {
        return memberships
                .access(communityId, caller)
                .flatMap(access -> {
                    if (!access.brandAdmin()) {
                        return Mono.error(Problem.forbidden(
                                ProblemTypes.NOT_BRAND_ADMIN_OF_BRAND_SLUG,
                                "Only the brand's admins appoint leaders and moderators."));
                    }
                    return change(
                                    communityId,
                                    memberId,
                                    EnumSet.of(MembershipStatus.ACTIVE),
                                    null,
                                    new Update().set("role", role).set("updatedAt", clock.instant()))
                            .switchIfEmpty(Mono.defer(() -> notInState(communityId, memberId, "an active member")));
                })
                .map(MembershipResponse::of);
    }

    // ---- the steps

    /**
     * Makes a member active: reserves a seat, then moves the membership from one of {@code from}
     * (or inserts it, if allowed) to ACTIVE, crediting the share the member arrived through and
     * queuing the membership fact for offer-service. Gives the seat back if the move loses.
     */
    private Mono<CommunityMembership> activate(
            Community community, String memberId, Set<MembershipStatus> from, boolean mayInsert, String decidedBy) {
        Instant now = clock.instant();
        java.util.concurrent.atomic.AtomicBoolean seated = new java.util.concurrent.atomic.AtomicBoolean();
        return reserveSeat(community)
                .doOnSuccess(reserved -> seated.set(true))
                .then(attributionFor(community.id(), memberId, now))
                .flatMap(credit -> {
                    Update update = new Update()
                            .set("status", MembershipStatus.ACTIVE)
                            .set("role", CommunityRole.MEMBER)
                            .set("joinedAt", now)
                            .set("updatedAt", now)
                            .set("decidedBy", decidedBy)
                            .set("decisionReason", null)
                            .set(
                                    "viaShare",
                                    credit.map(JoinAttribution.Attribution::shareCode)
                                            .orElse(null))
                            .set(
                                    "viaSharer",
                                    credit.map(JoinAttribution.Attribution::sharerId)
                                            .orElse(null));
                    MembershipFacts.queue(update, community, memberId, true, now);
                    Mono<CommunityMembership> moved = change(community.id(), memberId, from, null, update);
                    if (!mayInsert) {
                        return moved;
                    }
                    CommunityMembership fresh = new CommunityMembership(
                            null,
                            community.id(),
                            community.brandId(),
                            memberId,
                            MembershipStatus.ACTIVE,
                            CommunityRole.MEMBER,
                            null,
                            null,
                            decidedBy,
                            null,
                            now,
                            now,
                            now,
                            credit.map(JoinAttribution.Attribution::shareCode).orElse(null),
                            credit.map(JoinAttribution.Attribution::sharerId).orElse(null),
                            community.kind() == CommunityKind.CORE_GROUP,
                            List.of(MembershipFacts.entry(community, memberId, true, now)));
                    return mongo.insert(fresh).onErrorResume(DuplicateKeyException.class, exists -> moved);
                })
                // The seat is ours until the membership step succeeds: give it back if that step fails.
                .onErrorResume(failure -> seated.get(), failure -> releaseSeat(community.id())
                        .then(Mono.error(failure)))
                .flatMap(active -> activity.record(
                                community.brandId(), community.id(), memberId, ActivityKind.JOINED, active.viaShare())
                        .thenReturn(active))
                .switchIfEmpty(Mono.defer(() -> releaseSeat(community.id())
                        .then(memberships.membership(community.id(), memberId))
                        .flatMap(current -> switch (current.status()) {
                            case ACTIVE -> Mono.just(current);
                            case BANNED -> Mono.error(banned());
                            default ->
                                Mono.<CommunityMembership>error(Problem.conflict(
                                        "membership-not-admissible",
                                        "The membership is " + current.status() + ", so it cannot become active now."));
                        })
                        .switchIfEmpty(
                                Mono.error(Problem.notFound("This member has no join request or invitation here.")))));
    }

    private Mono<CommunityMembership> apply(Community community, String memberId, String application) {
        Instant now = clock.instant();
        CommunityMembership request = new CommunityMembership(
                null,
                community.id(),
                community.brandId(),
                memberId,
                MembershipStatus.PENDING,
                CommunityRole.MEMBER,
                application,
                null,
                null,
                null,
                now,
                null,
                now,
                null,
                null,
                community.kind() == CommunityKind.CORE_GROUP,
                List.of());
        return mongo.insert(request).onErrorResume(DuplicateKeyException.class, exists -> change(
                        community.id(),
                        memberId,
                        CAN_REAPPLY,
                        null,
                        new Update()
                                .set("status", MembershipStatus.PENDING)
                                .set("application", application)
                                .set("decisionReason", null)
                                .set("decidedBy", null)
                                .set("requestedAt", now)
                                .set("updatedAt", now))
                .switchIfEmpty(Mono.defer(() -> memberships
                        .membership(community.id(), memberId)
                        .flatMap(current -> current.status() == MembershipStatus.BANNED
                                ? Mono.error(banned())
                                : Mono.just(current)))));
    }

    /**
     * Ends an ACTIVE membership (leave, remove, ban): frees the seat, queues "fact absent" for
     * offer-service and logs the departure. Empty if the member was not active (or is staff the
     * caller may not act on).
     */
    private Mono<CommunityMembership> end(
            Community community,
            String memberId,
            MembershipStatus to,
            String reason,
            String decidedBy,
            boolean mayEndStaff) {
        Instant now = clock.instant();
        Update update = new Update().set("status", to).set("updatedAt", now);
        if (decidedBy != null) {
            update.set("decisionReason", reason).set("decidedBy", decidedBy);
        }
        MembershipFacts.queue(update, community, memberId, false, now);
        Criteria staff = mayEndStaff ? null : Criteria.where("role").is(CommunityRole.MEMBER);
        return change(community.id(), memberId, EnumSet.of(MembershipStatus.ACTIVE), staff, update)
                .flatMap(ended -> releaseSeat(community.id())
                        .then(activity.record(
                                community.brandId(), community.id(), memberId, ActivityKind.LEFT, to.name()))
                        .thenReturn(ended));
    }

    private Mono<CommunityMembership> change(
            String communityId, String memberId, Set<MembershipStatus> from, Criteria extra, Update update) {
        Criteria criteria = Criteria.where("communityId")
                .is(communityId)
                .and("memberId")
                .is(memberId)
                .and("status")
                .in(from);
        if (extra != null) {
            criteria = new Criteria().andOperator(criteria, extra);
        }
        return mongo.findAndModify(
                Query.query(criteria),
                update,
                FindAndModifyOptions.options().returnNew(true),
                CommunityMembership.class);
    }

    private Mono<Void> reserveSeat(Community community) {
        Criteria criteria = Criteria.where("_id").is(community.id());
        if (community.sizeCap() != null) {
            criteria = criteria.and("memberCount").lt(community.sizeCap());
        }
        return mongo.updateFirst(Query.query(criteria), new Update().inc("memberCount", 1), Community.class)
                .flatMap(result -> result.getModifiedCount() == 1
                        ? Mono.<Void>empty()
                        : Mono.error(Problem.conflict("community-full", "This community has reached its size limit.")));
    }

    private Mono<Void> releaseSeat(String communityId) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(communityId)
                                .and("memberCount")
                                .gt(0)),
                        new Update().inc("memberCount", -1),
                        Community.class)
                .then();
    }

    private Mono<Optional<JoinAttribution.Attribution>> attributionFor(
            String communityId, String memberId, Instant at) {
        JoinAttribution finder = attribution.getIfAvailable();
        if (finder == null) {
            return Mono.just(Optional.empty());
        }
        return finder.attributionFor(communityId, memberId, at)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<CommunityAccess> moderator(String communityId, Caller caller) {
        return memberships
                .access(communityId, caller)
                .flatMap(access -> access.canModerate()
                        ? Mono.just(access)
                        : Mono.error(Problem.forbidden(
                                "not-community-moderator",
                                "Only the community's leaders, moderators and brand admins may do this.")));
    }

    /** Moderators act on plain members only; leaders and brand admins also on moderators and leaders. */
    private static boolean mayActOnStaff(CommunityAccess access) {
        return access.brandAdmin() || access.role() == CommunityRole.LEADER;
    }

    private <T> Mono<T> notInState(String communityId, String memberId, String what) {
        return memberships
                .membership(communityId, memberId)
                .flatMap(current -> Mono.<T>error(Problem.conflict(
                        "membership-state", "The membership is " + current.status() + ", not " + what + ".")))
                .switchIfEmpty(Mono.error(Problem.notFound("This member has no membership here.")));
    }

    private static CommunityMembership newMembership(
            CommunityAccess access, String memberId, MembershipStatus status, Instant now) {
        return new CommunityMembership(
                null,
                access.communityId(),
                access.brandId(),
                memberId,
                status,
                CommunityRole.MEMBER,
                null,
                null,
                null,
                null,
                now,
                null,
                now,
                null,
                null,
                access.kind() == CommunityKind.CORE_GROUP,
                List.of());
    }

    private static void requireMember(Caller caller) {
        if (!caller.isMember()) {
            throw Problem.forbidden("member-role-required", "Only members join communities.");
        }
    }

    private static Problem banned() {
        return Problem.forbidden("member-banned", "You are banned from this community.");
    }
}
