package io.quanzi.platform.outbox;

import io.quanzi.platform.client.DownstreamRefusals;

/** What became of one attempt to deliver an {@link OutboxEntry}. */
public record OutboxResult(Outcome outcome, String detail) {

    public enum Outcome {
        /** The target has it: never send again. */
        DONE,
        /** The effect turned out not to apply: never send. */
        SKIPPED,
        /** The target refused the request itself ({@link DownstreamRefusals#isPermanent}): sending again cannot help. */
        REFUSED,
        /** Not now (5xx, time-out, open circuit, 401/403/404/408/429): send again after a back-off. */
        RETRY
    }

    public static OutboxResult done() {
        return new OutboxResult(Outcome.DONE, null);
    }

    public static OutboxResult skipped(String why) {
        return new OutboxResult(Outcome.SKIPPED, why);
    }

    public static OutboxResult refused(String detail) {
        return new OutboxResult(Outcome.REFUSED, detail);
    }

    public static OutboxResult retry(String detail) {
        return new OutboxResult(Outcome.RETRY, detail);
    }

    /** The outcome for an answer with this HTTP status: DONE for 2xx, REFUSED or RETRY by the one shared rule. */
    public static OutboxResult ofStatus(String service, int status) {
        if (status >= 200 && status < 300) {
            return done();
        }
        String detail =
                service + " answered " + status + (status == 409 ? ": same idempotency key with a different body" : "");
        return DownstreamRefusals.isPermanent(status) ? refused(detail) : retry(detail);
    }
}
