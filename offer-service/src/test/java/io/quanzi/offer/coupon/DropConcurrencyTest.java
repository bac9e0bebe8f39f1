package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.offer.OfferStock;
import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.platform.problem.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A flash drop: stock 50, one per member, 100 members each sending two claims (different keys) at
 * the moment the drop opens, 200 claims in flight at once. Ten runs, a fresh drop each time.
 */
class DropConcurrencyTest extends OfferServiceTest {

    private static final Logger log = LoggerFactory.getLogger(DropConcurrencyTest.class);

    private static final int STOCK = 50;
    private static final int MEMBERS = 100;
    private static final int CLAIMS_PER_MEMBER = 2;
    private static final int RUNS = 10;

    @Autowired
    Claims claims;

    @Autowired
    OfferStock stock;

    @Test
    void twoHundredConcurrentClaimsNeverOversellAndNeverGiveAMemberTwo() {
        for (int run = 1; run <= RUNS; run++) {
            oneDrop(run);
        }
    }

    private void oneDrop(int run) {
        Map<String, Object> body = offerBody();
        body.put("title", "Flash drop " + run);
        body.put("validFrom", clock.instant().plus(Duration.ofMinutes(10)).toString());
        body.put("totalStock", STOCK);
        body.put("perMemberLimit", 1);
        String offerId = createOffer(body);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(newMemberId());
        }
        List<String> claimers = new ArrayList<>();
        for (int i = 0; i < CLAIMS_PER_MEMBER; i++) {
            claimers.addAll(members);
        }
        Collections.shuffle(claimers);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1)); // the drop opens

        long started = System.nanoTime();
        List<String> outcomes = Flux.fromIterable(claimers)
                .flatMap(
                        member -> claims.claim(member, offerId, newKey())
                                .map(result -> "issued")
                                .onErrorResume(Problem.class, refused -> Mono.just(refused.slug()))
                                .subscribeOn(Schedulers.parallel()),
                        claimers.size())
                .collectList()
                .block(Duration.ofSeconds(120));
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<Coupon> coupons = mongo.find(Query.query(Criteria.where("offerId").is(offerId)), Coupon.class)
                .collectList()
                .block();
        List<Integer> buckets = stock.bucketsRemaining(offerId).collectList().block();
        Map<String, Long> answers =
                outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long membersWithCoupon =
                coupons.stream().map(Coupon::memberId).distinct().count();
        long claimRecords = mongo.count(Query.query(Criteria.where("offerId").is(offerId)), Claim.class)
                .block();
        log.info(
                "Drop run {}: stock {}, {} claims by {} members, issued {}, answers {}, claim records {},"
                        + " buckets left {}, {} ms",
                run,
                STOCK,
                claimers.size(),
                MEMBERS,
                coupons.size(),
                answers,
                claimRecords,
                buckets,
                millis);

        // Latecomers once the drop is known sold out: refused before any write.
        List<String> latecomers = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            latecomers.add(newMemberId());
        }
        long lateStarted = System.nanoTime();
        List<String> lateAnswers = Flux.fromIterable(latecomers)
                .flatMap(
                        member -> claims.claim(member, offerId, newKey())
                                .map(result -> "issued")
                                .onErrorResume(Problem.class, refused -> Mono.just(refused.slug()))
                                .subscribeOn(Schedulers.parallel()),
                        latecomers.size())
                .collectList()
                .block(Duration.ofSeconds(60));
        long lateMillis = (System.nanoTime() - lateStarted) / 1_000_000;
        long recordsAfterLate = mongo.count(
                        Query.query(Criteria.where("offerId").is(offerId)), Claim.class)
                .block();
        log.info(
                "Drop run {}: {} latecomers after sell-out all answered sold-out in {} ms, new claim records {}",
                run,
                latecomers.size(),
                lateMillis,
                recordsAfterLate - claimRecords);

        assertThat(lateAnswers).containsOnly("sold-out").hasSize(MEMBERS);
        assertThat(recordsAfterLate).as("no writes once known sold out").isEqualTo(claimRecords);
        assertThat(coupons).as("coupons issued in run %d", run).hasSize(STOCK);
        assertThat(membersWithCoupon).as("members with a coupon in run %d", run).isEqualTo(STOCK);
        assertThat(answers.get("issued")).isEqualTo((long) STOCK);
        assertThat(answers.keySet()).isSubsetOf("issued", "sold-out", "limit-reached");
        assertThat(buckets).allSatisfy(remaining -> assertThat(remaining).isGreaterThanOrEqualTo(0));
        assertThat(buckets.stream().mapToInt(Integer::intValue).sum()).isZero();
        assertThat(mongo.find(Query.query(Criteria.where("offerId").is(offerId)), MemberSlot.class)
                        .map(MemberSlot::count)
                        .collectList()
                        .block())
                .allSatisfy(count -> assertThat(count).isBetween(0, 1))
                .satisfies(counts -> assertThat(
                                counts.stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(STOCK));
        assertThat(mongo.count(
                                Query.query(Criteria.where("offerId")
                                        .is(offerId)
                                        .and("state")
                                        .nin(ClaimState.ISSUED, ClaimState.RELEASED)),
                                Claim.class)
                        .block())
                .as("claims left half-done")
                .isZero();
    }
}
