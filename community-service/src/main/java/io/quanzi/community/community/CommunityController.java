package io.quanzi.community.community;

import io.quanzi.platform.security.Caller;
import io.quanzi.platform.web.Ids;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/communities")
class CommunityController {

    private final Communities communities;
    private final Admission admission;
    private final MemberNames names;

    CommunityController(Communities communities, Admission admission, MemberNames names) {
        this.communities = communities;
        this.admission = admission;
        this.names = names;
    }

    @PostMapping
    Mono<ResponseEntity<CommunitySummary>> create(
            JwtAuthenticationToken auth, @Valid @RequestBody CreateCommunityRequest request) {
        return communities.create(Caller.of(auth), request).map(created -> ResponseEntity.created(
                        URI.create("/api/communities/" + created.id()))
                .body(created));
    }

    @GetMapping
    Flux<CommunitySummary> list(JwtAuthenticationToken auth, @RequestParam String brandId) {
        return communities.list(Caller.of(auth), Ids.requireId("brandId", brandId));
    }

    @GetMapping("/{communityId}")
    Mono<CommunitySummary> get(JwtAuthenticationToken auth, @PathVariable String communityId) {
        return communities.get(Caller.of(auth), communityId);
    }

    /** Joins an OPEN community, applies to an APPROVAL_REQUIRED one, or accepts a held invitation. */
    @PostMapping("/{communityId}/join")
    Mono<MembershipResponse> join(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @Valid @RequestBody(required = false) CommunityRequests.Join request) {
        return admission
                .join(communityId, Caller.of(auth), request == null ? null : request.application())
                .flatMap(joined ->
                        names.remember(joined.memberId(), DisplayNames.of(auth)).thenReturn(joined));
    }

    @GetMapping("/{communityId}/membership")
    Mono<MembershipResponse> membership(JwtAuthenticationToken auth, @PathVariable String communityId) {
        return admission.mine(communityId, Caller.of(auth));
    }

    /** Leaves, or withdraws an application or invitation. */
    @DeleteMapping("/{communityId}/membership")
    Mono<MembershipResponse> leave(JwtAuthenticationToken auth, @PathVariable String communityId) {
        return admission.leave(communityId, Caller.of(auth));
    }

    @PostMapping("/{communityId}/invitation/accept")
    Mono<MembershipResponse> accept(JwtAuthenticationToken auth, @PathVariable String communityId) {
        return admission.acceptInvitation(communityId, Caller.of(auth)).flatMap(accepted -> names.remember(
                        accepted.memberId(), DisplayNames.of(auth))
                .thenReturn(accepted));
    }

    @GetMapping("/{communityId}/requests")
    Flux<MembershipResponse> pending(JwtAuthenticationToken auth, @PathVariable String communityId) {
        return admission.pending(communityId, Caller.of(auth));
    }

    @PostMapping("/{communityId}/requests/{memberId}/approve")
    Mono<MembershipResponse> approve(
            JwtAuthenticationToken auth, @PathVariable String communityId, @PathVariable String memberId) {
        return admission.approve(communityId, Caller.of(auth), Ids.requireId("memberId", memberId));
    }

    @PostMapping("/{communityId}/requests/{memberId}/reject")
    Mono<MembershipResponse> reject(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @PathVariable String memberId,
            @Valid @RequestBody CommunityRequests.Decision request) {
        return admission.reject(communityId, Caller.of(auth), Ids.requireId("memberId", memberId), request.reason());
    }

    @PostMapping("/{communityId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MembershipResponse> invite(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @Valid @RequestBody CommunityRequests.Invite request) {
        return admission.invite(communityId, Caller.of(auth), request.memberId());
    }

    @PostMapping("/{communityId}/members/{memberId}/remove")
    Mono<MembershipResponse> remove(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @PathVariable String memberId,
            @Valid @RequestBody(required = false) CommunityRequests.Decision request) {
        return admission.remove(
                communityId,
                Caller.of(auth),
                Ids.requireId("memberId", memberId),
                request == null ? null : request.reason());
    }

    @PostMapping("/{communityId}/members/{memberId}/ban")
    Mono<MembershipResponse> ban(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @PathVariable String memberId,
            @Valid @RequestBody(required = false) CommunityRequests.Decision request) {
        return admission.ban(
                communityId,
                Caller.of(auth),
                Ids.requireId("memberId", memberId),
                request == null ? null : request.reason());
    }

    @PutMapping("/{communityId}/members/{memberId}/role")
    Mono<MembershipResponse> appoint(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @PathVariable String memberId,
            @Valid @RequestBody CommunityRequests.Appoint request) {
        return admission.appoint(communityId, Caller.of(auth), Ids.requireId("memberId", memberId), request.role());
    }
}
