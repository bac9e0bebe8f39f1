package io.quanzi.member.privacy;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's data export and erasure (identity from the token only). */
@RestController
@RequestMapping("/api/members/me")
class MemberDataController {

    private final MemberData data;

    MemberDataController(MemberData data) {
        this.data = data;
    }

    @GetMapping("/export")
    Mono<Map<String, Object>> export(@AuthenticationPrincipal Jwt token) {
        return data.export(token.getSubject());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> erase(@AuthenticationPrincipal Jwt token) {
        return data.erase(token.getSubject());
    }
}
