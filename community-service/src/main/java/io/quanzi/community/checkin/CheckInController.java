package io.quanzi.community.checkin;

import io.quanzi.platform.keys.RotatingSigningKeys;
import io.quanzi.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class CheckInController {

    private final CheckIns checkIns;
    private final RotatingSigningKeys keys;

    CheckInController(CheckIns checkIns, RotatingSigningKeys keys) {
        this.checkIns = checkIns;
        this.keys = keys;
    }

    /** The member's current check-in code (short-lived: the app refreshes it and shows it as a QR). */
    @GetMapping("/api/events/{eventId}/checkin-token")
    Mono<ResponseEntity<CheckInTokenResponse>> token(
            @PathVariable @Pattern(regexp = Ids.ID) String eventId, JwtAuthenticationToken member) {
        return checkIns.token(eventId, member.getName())
                .map(token ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token));
    }

    @PostMapping("/api/checkins")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CheckInResponse> scan(@Valid @RequestBody CheckInRequest request, JwtAuthenticationToken staff) {
        return checkIns.scan(request, staff);
    }

    @PostMapping("/api/checkins/batch")
    Mono<BatchResponse> batch(@Valid @RequestBody BatchRequest request, JwtAuthenticationToken staff) {
        return checkIns.batch(request, staff);
    }

    /** The public keys that verify check-in codes (public: staff apps verify offline too). */
    @GetMapping("/api/checkins/jwks")
    Mono<ResponseEntity<Map<String, Object>>> jwks() {
        return keys.jwks().map(jwks -> ResponseEntity.ok()
                .cacheControl(keys.jwksCacheControl())
                .body(jwks));
    }
}
