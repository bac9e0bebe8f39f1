package io.quanzi.member.system;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** A brand admin acts only on the brands listed in the token's {@code brand_ids} claim. */
public final class BrandScope {

    private BrandScope() {}

    public static boolean manages(Jwt token, String brandId) {
        List<String> brands = token.getClaimAsStringList("brand_ids");
        return brands != null && brands.contains(brandId);
    }

    /** Throws a 403 problem unless the caller manages {@code brandId}. */
    public static void require(Jwt token, String brandId) {
        if (!manages(token, brandId)) {
            throw Problem.forbidden(
                    "brand-out-of-scope", "You do not manage brand '" + brandId + "': it is not in your brand_ids.");
        }
    }
}
