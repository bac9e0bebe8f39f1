package io.quanzi.offer.purchase;

import io.quanzi.offer.system.Ids;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A purchase a member made at a store. The member is named by exactly one of their id (the
 * Keycloak subject) or their member number at the brand (on the card staff scan). Numbers belong
 * to member-service, which offer-service does not call: they resolve through the numbers
 * member-service pushes with its {@code club-member} facts.
 *
 * @param amount a JSON number or decimal string, positive, at most 2 decimals, at most 100000.00
 * @param currency ISO 4217, and the brand's points currency
 */
record PurchaseRequest(
        @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String brandId,
        @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String storeId,
        @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String memberId,
        @Positive Long memberNumber,
        @NotBlank
                @Pattern(
                        regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}",
                        message = "must be 1-64 letters, digits or . _ / -")
                String receiptNumber,
        @NotNull @DecimalMin("0.01") @DecimalMax("100000.00") @Digits(integer = 6, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency) {

    @AssertTrue(message = "name the member by exactly one of memberId and memberNumber")
    boolean isMemberIdOrMemberNumber() {
        return (memberId == null) != (memberNumber == null);
    }
}
