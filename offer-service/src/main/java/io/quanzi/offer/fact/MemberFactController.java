package io.quanzi.offer.fact;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Member facts pushed by member-service and community-service (service accounts only). */
@RestController
class MemberFactController {

    private final MemberFacts facts;

    MemberFactController(MemberFacts facts) {
        this.facts = facts;
    }

    @PostMapping("/internal/facts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> record(@Valid @RequestBody FactRequest request) {
        return facts.record(request);
    }
}
