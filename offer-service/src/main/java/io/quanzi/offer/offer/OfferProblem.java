package io.quanzi.offer.offer;

import io.quanzi.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A refusal about an offer, as a problem with a stable type slug. */
public final class OfferProblem extends ErrorResponseException {

    private OfferProblem(HttpStatus status, String slug, String detail) {
        super(status, ProblemTypes.problem(status, ProblemTypes.type(slug), detail), null);
    }

    public static OfferProblem of(HttpStatus status, String slug, String detail) {
        return new OfferProblem(status, slug, detail);
    }

    static OfferProblem notFound(String offerId) {
        return of(HttpStatus.NOT_FOUND, "offer-not-found", "There is no offer " + offerId + ".");
    }

    public static OfferProblem soldOut(String title) {
        return of(HttpStatus.CONFLICT, "sold-out", "\"" + title + "\" is sold out.");
    }
}
