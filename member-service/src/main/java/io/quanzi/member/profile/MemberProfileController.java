package io.quanzi.member.profile;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/members")
class MemberProfileController {

    private final MemberProfiles profiles;

    MemberProfileController(MemberProfiles profiles) {
        this.profiles = profiles;
    }

    /** The caller's own profile; the identity comes from the token, never from the request. */
    @GetMapping("/me")
    Mono<MemberProfileResponse> me(@AuthenticationPrincipal Jwt token) {
        return profiles.currentMember(token);
    }

    /** Changes the allow-listed fields of the caller's own profile. */
    @PatchMapping("/me")
    Mono<MemberProfileResponse> update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfilePatch patch) {
        return profiles.update(token, patch);
    }
}
