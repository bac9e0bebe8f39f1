package io.quanzi.platform.problem;

import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ServiceAuthorizationRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A small app with one endpoint per kind of failure, to see what clients get. */
@SpringBootApplication
class ProblemTestApplication {

    record Thing(@NotBlank @Size(max = 20) String name, int size) {}

    enum Colour {
        RED,
        GREEN
    }

    /** One field of each kind, for the strict-typing rules. */
    record Typed(
            String name,
            Integer count,
            int size,
            Double price,
            Boolean flag,
            Colour colour,
            java.time.Instant at,
            java.time.LocalDate day,
            java.math.BigDecimal amount) {}

    @Bean
    ServiceAuthorizationRules testRules() {
        return exchanges -> exchanges.pathMatchers("/api/staff-only").hasRole(KeycloakRealmRoles.STAFF);
    }

    @RestController
    static class FailingController {

        @PostMapping("/api/things")
        Mono<Thing> create(@Valid @RequestBody Thing thing) {
            return Mono.just(thing);
        }

        @PostMapping("/api/typed")
        Mono<Typed> typed(@RequestBody Typed typed) {
            return Mono.just(typed);
        }

        @GetMapping("/api/dated")
        Mono<String> dated(
                @org.springframework.web.bind.annotation.RequestParam
                        @org.springframework.format.annotation.DateTimeFormat(
                                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                        java.time.LocalDate day) {
            return Mono.just(day.toString());
        }

        @GetMapping("/api/search")
        Mono<String> search(@org.springframework.web.bind.annotation.RequestParam String q) {
            return Mono.just(q);
        }

        @GetMapping("/api/duplicate")
        Mono<String> duplicate() {
            return Mono.error(new DuplicateKeyException("E11000 duplicate key error collection: secret.things"));
        }

        @GetMapping("/api/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("connection string mongodb://admin:hunter2@db"));
        }

        @GetMapping("/api/teapot")
        Mono<String> teapot() {
            return Mono.error(new org.springframework.web.server.ResponseStatusException(
                    HttpStatus.I_AM_A_TEAPOT, "Short and stout."));
        }

        @PostMapping("/api/keyed/{id}")
        Mono<String> keyed(
                @org.springframework.web.bind.annotation.PathVariable
                        @jakarta.validation.constraints.Pattern(
                                regexp = "[a-f0-9]{24}",
                                message = "must be 24 hex digits")
                        String id,
                @org.springframework.web.bind.annotation.RequestHeader("Idempotency-Key")
                        @jakarta.validation.constraints.Pattern(
                                regexp = "[A-Za-z0-9]{8,}",
                                message = "must be 8 or more letters or digits")
                        String key) {
            return Mono.just(id + key);
        }

        @GetMapping("/api/staff-only")
        Mono<String> staffOnly() {
            return Mono.just("ok");
        }
    }
}
