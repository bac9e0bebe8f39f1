package io.quanzi.offer.fact;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /internal/facts}: a fact about a member at a brand, added ({@code present}) or removed.
 *
 * @param memberNumber optional, only with {@code club-member}: the member's number at the brand (on
 *     their card), so staff can name the member by it. Ignored when the fact is removed: a member who
 *     leaves keeps their number, and numbers are never reused.
 */
record FactRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = MemberFacts.MEMBER_ID, message = "must be a member id")
                String memberId,
        @NotBlank @Pattern(regexp = MemberFacts.ID, message = "must be a brand id") String brandId,
        @NotBlank @Pattern(regexp = MemberFacts.FACT, message = "must be a known fact such as core-group:{communityId}")
                String fact,
        @NotNull Boolean present,
        @Positive Long memberNumber) {

    @AssertTrue(message = "memberNumber may only be sent with the club-member fact")
    boolean isMemberNumberOnClubMemberFact() {
        return memberNumber == null || MemberFacts.CLUB_MEMBER.equals(fact);
    }
}
