package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.offer.Offers;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.test.MongoCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.test.StepVerifier;

/**
 * The database round trips of one claim, counted with a MongoDB command listener: the honest measure of what a claim
 * costs, since every command is a trip to the one-threaded embedded server and CPU in the service.
 */
@Import(MongoCommands.Recording.class)
class ClaimRoundTripsTest extends ClaimLoadTest {

    /** The collections a claim reads or writes (offers, its own records, what eligibility reads). */
    private static final Set<String> CLAIM_COLLECTIONS = Set.of(
            "offers",
            "offer_claims",
            "offer_member_slots",
            "offer_stock_buckets",
            "coupons",
            "member_facts",
            "member_tiers",
            "points_accounts",
            "points_entries");

    @Autowired
    Claims claims;

    @Autowired
    Offers offers;

    @Autowired
    MongoCommands commands;

    /** A drop's offer (free, one per member, no eligibility rules) with its terms already read once. */
    private String warmDrop() {
        Map<String, Object> body = offerBody();
        body.put("totalStock", 1000);
        String offerId = createOffer(body);
        StepVerifier.create(offers.claimTerms(offerId)).expectNextCount(1).verifyComplete();
        return offerId;
    }

    @Test
    void aFreshClaimOfAFreeOfferReadsOnceAndWritesSixTimes() {
        String offerId = warmDrop();
        String member = newMemberId();

        List<String> sent = during(() -> claims.claim(member, offerId, newKey()).block(Duration.ofSeconds(10)));

        assertThat(sent)
                .containsExactly(
                        "find offer_member_slots", // a member already at the limit is refused on this read alone
                        "insert offer_claims",
                        "findAndModify offer_member_slots",
                        "findAndModify offer_stock_buckets",
                        "findAndModify offer_claims", // RESERVED -> PAID
                        "insert coupons",
                        "findAndModify offer_claims"); // PAID -> ISSUED; the unit is settled in a later batch
    }

    @Test
    void aSecondTapAtTheLimitIsRefusedOnTwoReadsAndWritesNothing() {
        String offerId = warmDrop();
        String member = newMemberId();
        StepVerifier.create(claims.claim(member, offerId, newKey()))
                .expectNextCount(1)
                .verifyComplete();
        // The first claim's unit leaves its bucket in a batch a little later: not a command of the second tap.
        awaitSettled(offerId);

        List<String> sent = during(() -> StepVerifier.create(claims.claim(member, offerId, newKey()))
                .expectErrorSatisfies(
                        refused -> assertThat(((Problem) refused).slug()).isEqualTo("limit-reached"))
                .verify(Duration.ofSeconds(10)));

        assertThat(sent)
                .containsExactly(
                        "find offer_member_slots",
                        "find offer_claims"); // is it a repeat of an earlier claim? (it is not)
    }

    @Test
    void issuedClaimsLeaveTheirStockBucketsSoonAfterInABatch() throws InterruptedException {
        String offerId = warmDrop();
        for (int i = 0; i < 5; i++) {
            StepVerifier.create(claims.claim(newMemberId(), offerId, newKey()))
                    .expectNextCount(1)
                    .verifyComplete();
        }

        awaitSettled(offerId);

        assertThat(claimsInBuckets(offerId))
                .as("issued claims still listed in takenBy")
                .isZero();
        assertThat(mongo.find(bucketsOf(offerId), Document.class, "offer_stock_buckets")
                        .map(bucket -> bucket.getInteger("remaining"))
                        .reduce(0, Integer::sum)
                        .block())
                .as("settling changes no count")
                .isEqualTo(995);
    }

    private static Query bucketsOf(String offerId) {
        return Query.query(Criteria.where("offerId").is(offerId));
    }

    /** Waits (at most 10 s) until no issued claim is listed in the offer's buckets any more. */
    private void awaitSettled(String offerId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (claimsInBuckets(offerId) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long claimsInBuckets(String offerId) {
        return mongo.find(bucketsOf(offerId), Document.class, "offer_stock_buckets")
                .map(bucket -> (long) bucket.getList("takenBy", String.class).size())
                .reduce(0L, Long::sum)
                .block();
    }

    @Test
    void claimsAfterTheFirstReadTheOfferFromTheCache() {
        Map<String, Object> body = offerBody();
        body.put("totalStock", 1000);
        String offerId = createOffer(body);

        List<String> first =
                during(() -> claims.claim(newMemberId(), offerId, newKey()).block(Duration.ofSeconds(10)));
        List<String> second =
                during(() -> claims.claim(newMemberId(), offerId, newKey()).block(Duration.ofSeconds(10)));

        assertThat(first).contains("find offers");
        assertThat(second).doesNotContain("find offers");
    }

    /**
     * The commands {@code claim} sends, leaving out the stock settlement batch ({@code StockSettlements}): it runs on
     * its own clock for claims issued earlier, here or in another test, and is no round trip of this claim.
     */
    private List<String> during(Runnable claim) {
        return commands.during(
                claim, sent -> CLAIM_COLLECTIONS.contains(sent.collection()) && !isSettlementBatch(sent));
    }

    private static boolean isSettlementBatch(MongoCommands.Sent sent) {
        return sent.name().equals("update")
                && sent.collection().equals("offer_stock_buckets")
                && sent.mentions("$pullAll");
    }
}
