package io.quanzi.community.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.quanzi.platform.client.DownstreamRefusals;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * The Resilience4j guard around one downstream service: a time limit per call, a circuit breaker that opens when
 * the service keeps failing (4xx answers are the caller's fault and do not count), and a short retry for calls that
 * are safe to repeat. Every failure leaves as a {@link DownstreamFailure} that says whether retrying can help.
 */
final class Downstream {

    private final String name;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    Downstream(String name, Duration timeout) {
        this(name, timeout, Duration.ofSeconds(10));
    }

    Downstream(String name, Duration timeout, Duration openFor) {
        this.name = name;
        this.timeLimiter = TimeLimiter.of(
                name,
                TimeLimiterConfig.custom()
                        .timeoutDuration(timeout)
                        .cancelRunningFuture(true)
                        .build());
        this.circuitBreaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        // Judged over the last 10 s, at least 10 calls, half of them failing: a service that is
                        // down opens the circuit within seconds, while a check-in rush (hundreds of deliveries a
                        // second, a handful of them slow) does not. Over the last 10 calls, five slow ones in a
                        // burst opened it and held back every delivery for the open time and its back-off.
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(openFor)
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .recordException(Downstream::isTransient)
                        .build());
        this.retry = Retry.of(
                name,
                RetryConfig.custom()
                        .maxAttempts(2)
                        .waitDuration(Duration.ofMillis(200))
                        .retryOnException(
                                failure -> isTransient(failure) && !(failure instanceof CallNotPermittedException))
                        .build());
    }

    /** A call that must not be repeated blindly: time limit and circuit breaker only. */
    <T> Mono<T> once(Mono<T> call) {
        return guarded(call).onErrorMap(this::describe);
    }

    /** A call that is safe to repeat (a read, or a write that is idempotent by nature): retried once. */
    <T> Mono<T> idempotent(Mono<T> call) {
        return guarded(call).transformDeferred(RetryOperator.of(retry)).onErrorMap(this::describe);
    }

    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private <T> Mono<T> guarded(Mono<T> call) {
        return Mono.defer(() -> call)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
    }

    static boolean isTransient(Throwable failure) {
        return !(failure instanceof WebClientResponseException response
                && response.getStatusCode().is4xxClientError());
    }

    private Throwable describe(Throwable failure) {
        if (failure instanceof DownstreamFailure) {
            return failure;
        }
        if (failure instanceof WebClientResponseException response) {
            int status = response.getStatusCode().value();
            return new DownstreamFailure(
                    name,
                    status,
                    DownstreamRefusals.isPermanent(status),
                    name + " answered " + status + ": " + abbreviate(response.getResponseBodyAsString()),
                    failure);
        }
        if (failure instanceof CallNotPermittedException) {
            return new DownstreamFailure(name, 0, false, name + " is failing: circuit open", failure);
        }
        if (failure instanceof TimeoutException) {
            return new DownstreamFailure(name, 0, false, name + " did not answer in time", failure);
        }
        return new DownstreamFailure(name, 0, false, name + " is unreachable: " + failure, failure);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
