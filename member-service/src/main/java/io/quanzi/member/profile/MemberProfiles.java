package io.quanzi.member.profile;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Finds the caller's profile, creating it from the token's claims on the first call. */
@Service
class MemberProfiles {

    private final MemberProfileRepository repository;
    private final Clock clock;

    MemberProfiles(MemberProfileRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Concurrent first calls race to insert; the unique index on {@code subject} lets exactly one
     * win and the others read the winner's profile.
     */
    Mono<MemberProfileResponse> currentMember(Jwt token) {
        return findOrCreate(token).map(MemberProfileResponse::of);
    }

    private Mono<MemberProfile> findOrCreate(Jwt token) {
        return repository
                .findBySubject(token.getSubject())
                .switchIfEmpty(Mono.defer(() -> repository.insert(newProfile(token))))
                .onErrorResume(DuplicateKeyException.class, raced -> repository.findBySubject(token.getSubject()));
    }

    private MemberProfile newProfile(Jwt token) {
        return MemberProfile.fromToken(
                token.getSubject(), displayName(token), token.getClaimAsString("email"), clock.instant());
    }

    private static String displayName(Jwt token) {
        String name = token.getClaimAsString("name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String username = token.getClaimAsString("preferred_username");
        return username != null ? username : "Member";
    }
}
