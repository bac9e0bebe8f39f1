package io.quanzi.offer.offer;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One slice of an offer's stock. A claim takes a unit with one conditional update
 * ({@code remaining > 0} and not already taken by that claim: {@code $inc remaining -1},
 * {@code $push takenBy claimId}); giving it back is the mirror update on {@code takenBy = claimId},
 * so a unit is given back at most once whatever crashes and retries happen. {@code takenBy} holds
 * claims in flight: a claim that issued its coupon is pulled out again, in a batch shortly after
 * ({@link StockSettlements}; nothing reads it for an issued claim).
 */
@Document("offer_stock_buckets")
record StockBucket(@Id String id, String offerId, int index, int remaining, List<String> takenBy) {}
