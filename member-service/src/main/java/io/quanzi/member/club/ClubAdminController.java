package io.quanzi.member.club;

import io.quanzi.platform.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A brand's members, for the admins of that brand only ({@code brand_ids} claim). */
@RestController
@RequestMapping("/api/brands/{brandId}/members")
class ClubAdminController {

    private final ClubAdmin admin;

    ClubAdminController(ClubAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    Mono<MemberListResponse> list(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @RequestParam(required = false) @Size(max = 80) String q,
            @RequestParam(required = false) JoinSource source,
            @RequestParam(required = false) @Size(max = 63) String storeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        ClubAdmin.Filter filter = new ClubAdmin.Filter(q, source, storeId, joinedFrom, joinedTo);
        return Mono.fromRunnable(() -> Caller.of(token).requireBrandAdminOf(brandId))
                .then(Mono.defer(() -> admin.list(brandId, filter, after, limit)));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    ResponseEntity<Flux<String>> export(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @RequestParam(required = false) JoinSource source,
            @RequestParam(required = false) @Size(max = 63) String storeId) {
        Caller.of(token).requireBrandAdminOf(brandId);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + brandId + "-members.csv\"")
                .body(admin.exportCsv(brandId, new ClubAdmin.Filter(null, source, storeId, null, null)));
    }

    @GetMapping("/stats/joins")
    Mono<JoinStats> joins(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @RequestParam(defaultValue = "12") @Min(1) @Max(52) int weeks) {
        return Mono.fromRunnable(() -> Caller.of(token).requireBrandAdminOf(brandId))
                .then(Mono.defer(() -> admin.joinsPerWeek(brandId, weeks)));
    }
}
