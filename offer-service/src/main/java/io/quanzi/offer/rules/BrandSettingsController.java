package io.quanzi.offer.rules;

import io.quanzi.offer.system.Ids;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A brand admin reads and replaces the earning rules of the brands in its {@code brand_ids}. */
@RestController
@RequestMapping("/api/points/brands/{brandId}/settings")
class BrandSettingsController {

    private final EarningRules rules;
    private final Clock clock;

    BrandSettingsController(EarningRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping
    Mono<SettingsResponse> read(@PathVariable String brandId, @AuthenticationPrincipal Jwt admin) {
        Ids.requireId("brandId", brandId);
        Caller.of(admin).requireBrandAdminOf(brandId);
        return rules.forBrand(brandId).map(SettingsResponse::of);
    }

    @PutMapping
    Mono<SettingsResponse> replace(
            @PathVariable String brandId,
            @Valid @RequestBody SettingsRequest request,
            @AuthenticationPrincipal Jwt admin) {
        Ids.requireId("brandId", brandId);
        Caller.of(admin).requireBrandAdminOf(brandId);
        checkLadder(request.tiers());
        checkCurrency(request.currency());
        return rules.save(RuleSettings.toDocument(brandId, request, clock.instant(), admin.getSubject()))
                .map(SettingsResponse::of);
    }

    private static void checkLadder(List<SettingsRequest.TierRequest> tiers) {
        if (tiers.get(0).threshold() != 0) {
            throw invalid("The first tier must have threshold 0: every member is in some tier.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!names.add(tiers.get(i).name())) {
                throw invalid("Tier names must be unique; '" + tiers.get(i).name() + "' appears twice.");
            }
            if (i > 0 && tiers.get(i).threshold() <= tiers.get(i - 1).threshold()) {
                throw invalid("Tier thresholds must rise from one tier to the next.");
            }
        }
    }

    private static void checkCurrency(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw invalid("'" + code + "' is not an ISO 4217 currency code.");
        }
    }

    private static RuntimeException invalid(String detail) {
        return Problem.of(HttpStatus.BAD_REQUEST, "validation", detail);
    }
}
