package io.quanzi.community.event;

import io.quanzi.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A refusal with a stable problem type and a detail that tells the user what happened. */
class EventProblem extends ErrorResponseException {

    EventProblem(HttpStatus status, String type, String detail) {
        super(status, ProblemTypes.problem(status, ProblemTypes.type(type), detail), null);
    }

    static EventProblem notFound(String eventId) {
        return new EventProblem(HttpStatus.NOT_FOUND, "event-not-found", "There is no event '" + eventId + "'.");
    }

    static EventProblem notYourBrand(String brandId) {
        return new EventProblem(HttpStatus.FORBIDDEN, "not-your-brand", "You do not manage brand '" + brandId + "'.");
    }
}
