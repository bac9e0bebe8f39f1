package io.quanzi.offer.system;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * Scope checks on the caller's token: a staff member acts only at the stores of its
 * {@code store_ids} claim, a brand admin only for the brands of its {@code brand_ids} claim.
 * The role itself is checked by {@code SecurityRules}; this is the second lock.
 */
public final class Caller {

    private Caller() {}

    /** Throws a 403 problem unless the token's {@code brand_ids} claim names the brand. */
    public static void requireBrand(Jwt token, String brandId) {
        if (!claim(token, "brand_ids").contains(brandId)) {
            throw forbidden("You do not manage brand '" + brandId + "'.");
        }
    }

    /** Throws a 403 problem unless the token's {@code store_ids} claim names the store. */
    public static void requireStore(Jwt token, String storeId) {
        if (!claim(token, "store_ids").contains(storeId)) {
            throw forbidden("You do not work at store '" + storeId + "'.");
        }
    }

    private static List<String> claim(Jwt token, String name) {
        Object value = token.getClaims().get(name);
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        return List.of();
    }

    private static ErrorResponseException forbidden(String detail) {
        return Problems.problem(HttpStatus.FORBIDDEN, "out-of-scope", detail);
    }
}
