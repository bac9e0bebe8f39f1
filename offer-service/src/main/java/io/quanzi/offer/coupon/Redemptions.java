package io.quanzi.offer.coupon;

import io.quanzi.offer.offer.OfferStatus;
import io.quanzi.offer.offer.OfferTerms;
import io.quanzi.offer.offer.Offers;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Staff redeem a coupon by scanning its QR token at their store. In order: the store must be one of
 * the staff member's {@code store_ids}; the token must carry a valid offer-service signature and
 * not be expired; a coupon already redeemed says when and where; the offer must be redeemable at
 * that store (a scan at the wrong shop spends nothing); then the token is spent (one scan per token,
 * so a copied or replayed code is refused); the offer must be active and the coupon unexpired; then
 * one conditional update ACTIVE → REDEEMED redeems it exactly once, and an audit record notes who,
 * where and when.
 */
@Service
class Redemptions {

    private static final Logger log = LoggerFactory.getLogger(Redemptions.class);

    private final ReactiveMongoTemplate mongo;
    private final QrTokens tokens;
    private final Offers offers;
    private final Clock clock;

    Redemptions(ReactiveMongoTemplate mongo, QrTokens tokens, Offers offers, Clock clock) {
        this.mongo = mongo;
        this.tokens = tokens;
        this.offers = offers;
        this.clock = clock;
    }

    /** The green verdict: what was redeemed, where, when, by whom. */
    record RedemptionView(
            String couponId,
            String code,
            String offerId,
            String title,
            String storeId,
            String redeemedBy,
            Instant redeemedAt) {

        static RedemptionView of(Coupon coupon) {
            return new RedemptionView(
                    coupon.id(),
                    coupon.code(),
                    coupon.offerId(),
                    coupon.title(),
                    coupon.redeemedStoreId(),
                    coupon.redeemedBy(),
                    coupon.redeemedAt());
        }
    }

    Mono<RedemptionView> redeem(Jwt staff, RedemptionRequest request) {
        String storeId = request.storeId();
        if (!Caller.of(staff).isStaffOf(storeId)) {
            return Mono.error(Problem.notStaffOf(storeId));
        }
        String staffId = staff.getSubject();
        return tokens.verify(request.token())
                .flatMap(claims -> coupon(claims).flatMap(coupon -> offers.terms(coupon.offerId())
                        .flatMap(offer -> scan(claims, coupon, offer, storeId, staffId))))
                .doOnError(
                        Problem.class,
                        refused ->
                                log.info("Redemption refused at store {} by {}: {}", storeId, staffId, refused.slug()));
    }

    private Mono<RedemptionView> scan(
            QrTokens.QrClaims claims, Coupon coupon, OfferTerms offer, String storeId, String staffId) {
        if (coupon.status() == CouponStatus.REDEEMED) {
            return Mono.error(alreadyRedeemed(coupon));
        }
        if (!offer.redeemableAt(storeId)) {
            // The wrong shop: the code is not spent, the member can show it where it is valid.
            return Mono.error(Problem.of(
                    HttpStatus.FORBIDDEN,
                    "store-not-redeemable",
                    "This coupon cannot be redeemed at store " + storeId + "; it is valid at "
                            + String.join(", ", offer.redeemableStoreIds()) + "."));
        }
        return consume(claims, coupon, storeId, staffId)
                .then(Mono.defer(() -> redeemChecked(coupon, offer, storeId, staffId, claims)
                        // This scan spent the token: note why it was refused.
                        .onErrorResume(Problem.class, refused -> outcome(claims, refused.slug())
                                .then(Mono.error(refused)))));
    }

    private Mono<Coupon> coupon(QrTokens.QrClaims claims) {
        return mongo.findById(claims.couponId(), Coupon.class)
                .filter(coupon -> coupon.memberId().equals(claims.memberId())
                        && coupon.offerId().equals(claims.offerId()))
                .switchIfEmpty(Mono.error(() -> QrTokens.invalid("The QR code does not match any coupon.")));
    }

    /** One scan per token: the first scan records the token id, any later one is a replay. */
    private Mono<Void> consume(QrTokens.QrClaims claims, Coupon coupon, String storeId, String staffId) {
        QrTokenUse use = new QrTokenUse(
                claims.tokenId(), coupon.id(), storeId, staffId, clock.instant(), claims.expiresAt(), "scanned");
        return mongo.insert(use).then().onErrorResume(DuplicateKeyException.class, replay -> mongo.findById(
                        coupon.id(), Coupon.class)
                .zipWith(mongo.findById(claims.tokenId(), QrTokenUse.class))
                .flatMap(found -> Mono.error(
                        found.getT1().status() == CouponStatus.REDEEMED
                                ? alreadyRedeemed(found.getT1())
                                : replayed(found.getT2())))
                .then());
    }

    private Mono<RedemptionView> redeemChecked(
            Coupon coupon, OfferTerms offer, String storeId, String staffId, QrTokens.QrClaims claims) {
        return Mono.defer(() -> {
            Problem refusal = refusal(offer, coupon);
            if (refusal != null) {
                return Mono.error(refusal);
            }
            Instant now = clock.instant();
            Query active = Query.query(Criteria.where("_id")
                    .is(coupon.id())
                    .and("status")
                    .is(CouponStatus.ACTIVE)
                    .and("expiresAt")
                    .gt(now));
            Update redeem = new Update()
                    .set("status", CouponStatus.REDEEMED)
                    .set("redeemedAt", now)
                    .set("redeemedStoreId", storeId)
                    .set("redeemedBy", staffId);
            return mongo.findAndModify(
                            active, redeem, FindAndModifyOptions.options().returnNew(true), Coupon.class)
                    .switchIfEmpty(Mono.defer(() -> mongo.findById(coupon.id(), Coupon.class)
                            .flatMap(current -> Mono.error(
                                    current.status() == CouponStatus.REDEEMED
                                            ? alreadyRedeemed(current)
                                            : expired(current)))))
                    .flatMap(redeemed -> audit(redeemed, claims)
                            .then(outcome(claims, "redeemed"))
                            .thenReturn(RedemptionView.of(redeemed)));
        });
    }

    private Problem refusal(OfferTerms offer, Coupon coupon) {
        if (offer.status() == OfferStatus.PAUSED) {
            return Problem.of(
                    HttpStatus.CONFLICT,
                    "offer-paused",
                    "\"" + offer.title() + "\" is paused: its coupons cannot be redeemed for now.");
        }
        if (offer.status() == OfferStatus.CLOSED) {
            return Problem.of(
                    HttpStatus.CONFLICT,
                    "offer-closed",
                    "\"" + offer.title() + "\" is closed: its coupons cannot be redeemed any more.");
        }
        if (coupon.expiredAt(clock.instant())) {
            return expired(coupon);
        }
        return null;
    }

    private Mono<Void> audit(Coupon redeemed, QrTokens.QrClaims claims) {
        Redemption record = new Redemption(
                null,
                redeemed.id(),
                redeemed.offerId(),
                redeemed.brandId(),
                redeemed.memberId(),
                redeemed.redeemedStoreId(),
                redeemed.redeemedBy(),
                claims.tokenId(),
                redeemed.redeemedAt());
        return mongo.insert(record).then().onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
    }

    private Mono<Void> outcome(QrTokens.QrClaims claims, String outcome) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(claims.tokenId())),
                        new Update().set("outcome", outcome),
                        QrTokenUse.class)
                .then();
    }

    /**
     * "Already redeemed", with {@code redeemedAt} and {@code storeId} as problem properties, so a staff app can say
     * when and where in its own language and the store's time zone instead of parsing the detail.
     */
    static Problem alreadyRedeemed(Coupon coupon) {
        return Problem.of(
                        HttpStatus.CONFLICT,
                        "already-redeemed",
                        "This coupon was already redeemed at " + coupon.redeemedAt() + " by store "
                                + coupon.redeemedStoreId() + ".")
                .with("redeemedAt", coupon.redeemedAt())
                .with("storeId", coupon.redeemedStoreId());
    }

    /** A second scan of one QR token, with {@code scannedAt} and {@code storeId} of the first as properties. */
    private static Problem replayed(QrTokenUse first) {
        return Problem.of(
                        HttpStatus.CONFLICT,
                        "qr-token-replayed",
                        "This QR code was already scanned at "
                                + first.scannedAt()
                                + " at store " + first.storeId()
                                + "; each code works once. Ask the member to show the coupon again.")
                .with("scannedAt", first.scannedAt())
                .with("storeId", first.storeId());
    }

    private static Problem expired(Coupon coupon) {
        return Problem.of(HttpStatus.CONFLICT, "coupon-expired", "This coupon expired at " + coupon.expiresAt() + ".");
    }
}
