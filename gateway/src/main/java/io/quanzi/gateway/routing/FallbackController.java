package io.quanzi.gateway.routing;

import io.quanzi.platform.problem.ProblemTypes;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a route's circuit breaker sends a call that failed, timed out or was not even tried because
 * the circuit is open: a 503 problem that names the service, instead of a hanging request.
 */
@RestController
class FallbackController {

    private static final Set<String> SERVICES = Set.of("member-service", "community-service", "offer-service");

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
        String name = SERVICES.contains(service) ? service : "A service";
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.SERVICE_UNAVAILABLE,
                name + " did not answer in time or is down. Please try again shortly; a write retried with the same "
                        + "idempotency key is applied at most once.");
        problem.setProperty("service", name);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
