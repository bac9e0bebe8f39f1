package io.quanzi.member.offer;

/** What became of one attempt to deliver an {@link OfferCall}. */
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
