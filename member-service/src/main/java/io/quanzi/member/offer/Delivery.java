package io.quanzi.member.offer;

import io.quanzi.platform.outbox.OutboxResult;

/** What became of one attempt to deliver an {@link OfferCall} outbox entry. */
public record Delivery(Outcome outcome, String detail) {

    public enum Outcome {
        /** 2xx: offer-service has it; never send again. */
        ACKNOWLEDGED,
        /**
         * 5xx, 401/403/404/408/429 (credentials, deploy or load an operator fixes), time-out, connection refused, open
         * circuit: try again later.
         */
        RETRY,
        /** 400, 409 (same key, other body), 413, 415, 422: the request itself is wrong; sending again cannot help. */
        REJECTED
    }

    /** The same outcome in the platform relay's terms. */
    public OutboxResult toResult() {
        return switch (outcome) {
            case ACKNOWLEDGED -> OutboxResult.done();
            case RETRY -> OutboxResult.retry(detail);
            case REJECTED -> OutboxResult.refused(detail);
        };
    }

    static Delivery acknowledged() {
        return new Delivery(Outcome.ACKNOWLEDGED, null);
    }

    static Delivery retry(String detail) {
        return new Delivery(Outcome.RETRY, detail);
    }

    static Delivery rejected(String detail) {
        return new Delivery(Outcome.REJECTED, detail);
    }
}
