package io.quanzi.offer.coupon;

import io.quanzi.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/** A refusal about a claim, a coupon or a redemption, as a problem with a stable type slug. */
final class CouponProblem extends ErrorResponseException {

    private final String slug;

    private CouponProblem(HttpStatusCode status, String slug, String detail) {
        super(status, ProblemTypes.problem(status, ProblemTypes.type(slug), detail), null);
        this.slug = slug;
    }

    static CouponProblem of(HttpStatusCode status, String slug, String detail) {
        return new CouponProblem(status, slug, detail);
    }

    static CouponProblem of(HttpStatus status, String slug, String detail) {
        return new CouponProblem(status, slug, detail);
    }

    String slug() {
        return slug;
    }

    static CouponProblem couponNotFound(String couponId) {
        return of(HttpStatus.NOT_FOUND, "coupon-not-found", "You have no coupon " + couponId + ".");
    }
}
