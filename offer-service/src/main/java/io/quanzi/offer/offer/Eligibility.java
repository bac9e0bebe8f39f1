package io.quanzi.offer.offer;

import java.util.List;

/**
 * Who may claim: a member whose tier is one of {@code tiers} (empty: any tier) and who holds every
 * fact of {@code facts} at the offer's brand (empty: no fact needed).
 */
public record Eligibility(List<String> tiers, List<String> facts) {

    public Eligibility {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    static Eligibility anyone() {
        return new Eligibility(List.of(), List.of());
    }
}
