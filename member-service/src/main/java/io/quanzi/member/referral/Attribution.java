package io.quanzi.member.referral;

/**
 * The answer to "was this join attributed to the invite?". A refusal names its reason with a
 * stable problem type ({@code urn:quanzi:problem:<reason>}) and a human detail; the join itself
 * still succeeds.
 */
public record Attribution(Status status, String type, String detail, Integer depth) {

    public enum Status {
        ATTRIBUTED,
        REFUSED
    }

    static Attribution attributed(int depth) {
        return new Attribution(Status.ATTRIBUTED, null, "The invite was credited to the member who shared it.", depth);
    }

    static Attribution refused(String reason, String detail) {
        return new Attribution(Status.REFUSED, "urn:quanzi:problem:" + reason, detail, null);
    }

    public boolean attributed() {
        return status == Status.ATTRIBUTED;
    }
}
