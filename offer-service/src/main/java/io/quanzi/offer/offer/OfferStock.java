package io.quanzi.offer.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An offer's stock, split over N bucket documents so that concurrent claims spread their writes.
 * Every change is one conditional single-document update: stock can never go below zero, a claim
 * holds at most one unit, and a unit goes back at most once.
 */
@Component
public class OfferStock {

    private final ReactiveMongoTemplate mongo;
    private final OfferTermsCache terms;
    private final StockSettlements settlements;

    OfferStock(ReactiveMongoTemplate mongo, OfferTermsCache terms, StockSettlements settlements) {
        this.mongo = mongo;
        this.terms = terms;
        this.settlements = settlements;
    }

    static String bucketId(String offerId, int index) {
        return offerId + ":" + index;
    }

    /** Splits {@code total} as evenly as possible over {@code buckets} documents. */
    Mono<Void> create(String offerId, int total, int buckets) {
        List<StockBucket> documents = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            int share = total / buckets + (i < total % buckets ? 1 : 0);
            documents.add(new StockBucket(bucketId(offerId, i), offerId, i, share, List.of()));
        }
        return mongo.insertAll(documents).then();
    }

    /** Adds {@code extra} units, spread over the buckets like at creation. */
    Mono<Void> add(String offerId, int extra, int buckets) {
        return Flux.range(0, buckets)
                .concatMap(i -> {
                    int share = extra / buckets + (i < extra % buckets ? 1 : 0);
                    return share == 0
                            ? Mono.empty()
                            : mongo.updateFirst(
                                    Query.query(Criteria.where("_id").is(bucketId(offerId, i))),
                                    new Update().inc("remaining", share),
                                    StockBucket.class);
                })
                .then();
    }

    /**
     * Takes one unit for a claim: starts at a random bucket and moves to the next on a miss.
     * Emits the bucket id, or nothing when every bucket is empty. A bucket never gives the same
     * claim a second unit.
     */
    public Mono<String> take(String offerId, int buckets, String claimId) {
        int start = ThreadLocalRandom.current().nextInt(buckets);
        return Flux.range(0, buckets)
                .concatMap(step -> takeFrom(bucketId(offerId, (start + step) % buckets), claimId), 1)
                .next();
    }

    private Mono<String> takeFrom(String bucketId, String claimId) {
        Query available = Query.query(Criteria.where("_id")
                .is(bucketId)
                .and("remaining")
                .gt(0)
                .and("takenBy")
                .ne(claimId));
        Update take = new Update().inc("remaining", -1).push("takenBy", claimId);
        return mongo.findAndModify(available, take, FindAndModifyOptions.options(), StockBucket.class)
                .map(StockBucket::id);
    }

    /** The bucket that holds a unit for the claim, if any. */
    public Mono<String> holder(String offerId, String claimId) {
        Query query =
                Query.query(Criteria.where("offerId").is(offerId).and("takenBy").is(claimId));
        query.fields().include("_id");
        return mongo.findOne(query, StockBucket.class).map(StockBucket::id);
    }

    /**
     * Gives the claim's unit back, if it still holds one; true when a unit went back. Clears the
     * offer's sold-out flag, since there is stock again.
     */
    public Mono<Boolean> giveBack(String offerId, String claimId) {
        Query held =
                Query.query(Criteria.where("offerId").is(offerId).and("takenBy").is(claimId));
        Update giveBack = new Update().inc("remaining", 1).pull("takenBy", claimId);
        return mongo.updateFirst(held, giveBack, StockBucket.class)
                .map(result -> result.getModifiedCount() > 0)
                .flatMap(returned -> returned
                        ? mongo.updateFirst(
                                        Query.query(Criteria.where("_id").is(offerId)),
                                        new Update().set("soldOut", false),
                                        Offer.class)
                                .doOnNext(cleared -> terms.forget(offerId))
                                .thenReturn(true)
                        : Mono.just(false));
    }

    /** The claim's unit is spent for good (its coupon exists): forget the claim in the bucket. */
    public Mono<Void> settle(String offerId, String claimId) {
        Query held =
                Query.query(Criteria.where("offerId").is(offerId).and("takenBy").is(claimId));
        return mongo.updateFirst(held, new Update().pull("takenBy", claimId), StockBucket.class)
                .then();
    }

    /**
     * {@link #settle}, later and in a batch with other claims (see {@link StockSettlements}): for the request that
     * just issued its coupon, so that a claim's last step costs no round trip of its own.
     */
    public void settleSoon(String offerId, String claimId) {
        settlements.add(offerId, claimId);
    }

    /**
     * Marks the offer sold out after a claim found every bucket empty, then looks again: if a unit
     * came back meanwhile (a failed claim released it before the flag was set), clears the flag.
     */
    public Mono<Void> markSoldOut(String offerId) {
        Query offer = Query.query(Criteria.where("_id").is(offerId));
        return mongo.updateFirst(offer, new Update().set("soldOut", true), Offer.class)
                .doOnNext(marked -> terms.forget(offerId))
                .then(remaining(offerId))
                .flatMap(left -> left > 0
                        ? mongo.updateFirst(offer, new Update().set("soldOut", false), Offer.class)
                                .doOnNext(cleared -> terms.forget(offerId))
                                .then()
                        : Mono.empty());
    }

    /** Units left over all buckets. */
    public Mono<Long> remaining(String offerId) {
        return mongo.find(Query.query(Criteria.where("offerId").is(offerId)), StockBucket.class)
                .map(bucket -> (long) bucket.remaining())
                .reduce(0L, Long::sum);
    }

    /** Every bucket's remaining count, for tests and admins. */
    public Flux<Integer> bucketsRemaining(String offerId) {
        return mongo.find(Query.query(Criteria.where("offerId").is(offerId)), StockBucket.class)
                .map(StockBucket::remaining);
    }
}
