package io.quanzi.community.client;

import io.quanzi.platform.client.DownstreamRefusals;
import io.quanzi.platform.outbox.OutboxResult;
import reactor.core.publisher.Mono;

/**
 * A call to another Quanzi service did not succeed. {@link #permanent()} failures (the target refused the request
 * itself, such as 409 for an idempotency key reused with a different body; see {@link DownstreamRefusals}) will fail
 * again: log them and stop. The others (401/403/404 that an operator or a deploy fixes, 5xx, time-outs, refused
 * connections, an open circuit) are worth retrying later.
 */
public class DownstreamFailure extends RuntimeException {

    private final String service;
    private final int status;
    private final boolean permanent;

    DownstreamFailure(String service, int status, boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.status = status;
        this.permanent = permanent;
    }

    public String service() {
        return service;
    }

    /** The HTTP status the target answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    public boolean permanent() {
        return permanent;
    }

    /**
     * A call as an outbox delivery: DONE when it completes, REFUSED on a {@link #permanent()} failure, RETRY on any
     * other.
     */
    public static Mono<OutboxResult> outcome(Mono<?> call) {
        return call.then(Mono.fromSupplier(OutboxResult::done))
                .onErrorResume(failure -> Mono.just(
                        failure instanceof DownstreamFailure downstream && downstream.permanent()
                                ? OutboxResult.refused(failure.getMessage())
                                : OutboxResult.retry(String.valueOf(failure.getMessage()))));
    }
}
