package io.quanzi.offer.coupon;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The per-member limit, kept by one conditional upsert: {@code count < limit} and the claim not yet
 * counted, then {@code $inc count 1, $push claimIds}. When the member is at the limit the filter
 * misses, the upsert tries to insert a second document with the same id and the unique {@code _id}
 * refuses it: never count-then-insert, so concurrent claims cannot overshoot.
 */
@Component
class MemberSlots {

    private final ReactiveMongoTemplate mongo;

    MemberSlots(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String slotId(String offerId, String memberId) {
        return offerId + ":" + memberId;
    }

    /** True when the claim got a slot, false when the member is at the offer's limit. */
    Mono<Boolean> take(String offerId, String memberId, int limit, String claimId) {
        Query free = Query.query(Criteria.where("_id")
                .is(slotId(offerId, memberId))
                .and("count")
                .lt(limit)
                .and("claimIds")
                .ne(claimId));
        Update take = new Update()
                .inc("count", 1)
                .push("claimIds", claimId)
                .setOnInsert("offerId", offerId)
                .setOnInsert("memberId", memberId);
        return mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true), MemberSlot.class)
                .thenReturn(true)
                .defaultIfEmpty(true)
                .onErrorResume(DuplicateKeyException.class, full -> Mono.just(false));
    }

    /** Gives the claim's slot back if it holds one; true when it did. */
    Mono<Boolean> release(String offerId, String memberId, String claimId) {
        Query held = Query.query(Criteria.where("_id")
                .is(slotId(offerId, memberId))
                .and("claimIds")
                .is(claimId));
        return mongo.updateFirst(held, new Update().inc("count", -1).pull("claimIds", claimId), MemberSlot.class)
                .map(result -> result.getModifiedCount() > 0);
    }

    Mono<Integer> count(String offerId, String memberId) {
        return mongo.findById(slotId(offerId, memberId), MemberSlot.class)
                .map(MemberSlot::count)
                .defaultIfEmpty(0);
    }
}
