package io.quanzi.offer.purchase;

import io.quanzi.offer.brand.BrandStores;
import io.quanzi.offer.fact.MemberNumbers;
import io.quanzi.offer.points.PointsLedger;
import io.quanzi.offer.rules.EarningRules;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Currency;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records in-store purchases and their refunds. A receipt is recorded once per store: a repeat
 * returns the first result, the same receipt with other details is a 409. The points are earned
 * and taken back through the ledger with keys derived from the purchase id, so finishing an
 * interrupted purchase again never doubles them.
 */
@Component
class Purchases {

    private final ReactiveMongoTemplate mongo;
    private final PointsLedger ledger;
    private final BrandStores stores;
    private final EarningRules rules;
    private final MemberNumbers numbers;
    private final Clock clock;

    Purchases(
            ReactiveMongoTemplate mongo,
            PointsLedger ledger,
            BrandStores stores,
            EarningRules rules,
            MemberNumbers numbers,
            Clock clock) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.stores = stores;
        this.rules = rules;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * The caller's store scope is checked by the controller; here the brand's store and currency,
     * and the member number if the member is named by one.
     */
    Mono<PurchaseResponse> record(PurchaseRequest request, String staffId) {
        return checkStoreAndCurrency(request)
                .then(Mono.defer(() -> memberOf(request)))
                .flatMap(memberId -> recordFor(request, memberId, staffId));
    }

    /**
     * The fingerprint is taken over the resolved member id, not over how staff named the member:
     * the same receipt sent again by number, or once by id and once by number, is the same purchase
     * and answers the first; a number that names someone else is a 409. Fingerprints of purchases
     * recorded before numbers were accepted stay valid.
     */
    private Mono<PurchaseResponse> recordFor(PurchaseRequest request, String memberId, String staffId) {
        String amount = request.amount().setScale(2).toPlainString();
        String fingerprint = fingerprint(request.brandId(), memberId, amount, request.currency());
        return Mono.defer(() -> mongo.insert(new Purchase(
                                null,
                                request.brandId(),
                                request.storeId(),
                                memberId,
                                request.receiptNumber(),
                                amount,
                                request.currency(),
                                fingerprint,
                                staffId,
                                clock.instant(),
                                PurchaseState.EARNING,
                                null,
                                null,
                                null,
                                null))
                        .map(purchase -> new Found(purchase, false))
                        .onErrorResume(DuplicateKeyException.class, repeat -> findReceipt(request)
                                .map(purchase -> new Found(purchase, true))))
                .flatMap(found -> {
                    if (!found.purchase().fingerprint().equals(fingerprint)) {
                        return Mono.error(Problem.conflict(
                                "receipt-already-recorded",
                                "Receipt '" + request.receiptNumber() + "' was already recorded at this store"
                                        + " with other details."));
                    }
                    return finish(found.purchase()).map(purchase -> PurchaseResponse.of(purchase, found.duplicate()));
                });
    }

    private record Found(Purchase purchase, boolean duplicate) {}

    private Mono<String> memberOf(PurchaseRequest request) {
        if (request.memberId() != null) {
            return Mono.just(request.memberId());
        }
        return numbers.memberIdOf(request.brandId(), request.memberNumber())
                .switchIfEmpty(Mono.error(() -> Problem.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-member-number",
                        "No club member number " + request.memberNumber() + " at brand '" + request.brandId()
                                + "' (yet).")));
    }

    /**
     * Takes the purchase's points back, once; a repeat answers the refund already made. Only staff
     * of the store where it was recorded may refund it.
     */
    Mono<PurchaseResponse> refund(String purchaseId, Jwt staff) {
        return mongo.findById(purchaseId, Purchase.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("No purchase '" + purchaseId + "'.")))
                .flatMap(purchase -> {
                    Caller.of(staff).requireStaffOf(purchase.storeId());
                    return refund(purchase, staff.getSubject());
                });
    }

    private Mono<PurchaseResponse> refund(Purchase found, String staffId) {
        boolean duplicate = found.state() == PurchaseState.REFUNDED;
        return finish(found)
                .flatMap(purchase -> purchase.state() != PurchaseState.RECORDED
                        ? Mono.just(purchase)
                        : mongo.findAndModify(
                                        Query.query(Criteria.where("_id")
                                                .is(purchase.id())
                                                .and("state")
                                                .is(PurchaseState.RECORDED.name())),
                                        new Update()
                                                .set("state", PurchaseState.REFUNDING.name())
                                                .set("refundedBy", staffId)
                                                .set("refundRequestedAt", clock.instant()),
                                        FindAndModifyOptions.options().returnNew(true),
                                        Purchase.class)
                                .switchIfEmpty(Mono.defer(() -> mongo.findById(purchase.id(), Purchase.class))))
                .flatMap(this::finish)
                .map(purchase -> PurchaseResponse.of(purchase, duplicate));
    }

    /** Runs the points step an EARNING or REFUNDING purchase still needs; idempotent. */
    Mono<Purchase> finish(Purchase purchase) {
        return switch (purchase.state()) {
            case EARNING ->
                ledger.earnForPurchase(
                                purchase.memberId(),
                                purchase.brandId(),
                                new BigDecimal(purchase.amount()),
                                purchase.id(),
                                "staff:" + purchase.recordedBy())
                        .flatMap(earned -> advance(
                                purchase,
                                PurchaseState.EARNING,
                                new Update()
                                        .set("state", PurchaseState.RECORDED.name())
                                        .set("points", earned.points())));
            case REFUNDING ->
                ledger.reversePurchase(
                                purchase.memberId(),
                                purchase.brandId(),
                                purchase.id(),
                                "staff:" + purchase.refundedBy())
                        .flatMap(reversed -> advance(
                                purchase,
                                PurchaseState.REFUNDING,
                                new Update()
                                        .set("state", PurchaseState.REFUNDED.name())
                                        .set("refundedPoints", -reversed.points())));
            case RECORDED, REFUNDED -> Mono.just(purchase);
        };
    }

    private Mono<Purchase> advance(Purchase purchase, PurchaseState from, Update update) {
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id")
                                .is(purchase.id())
                                .and("state")
                                .is(from.name())),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Purchase.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(purchase.id(), Purchase.class)));
    }

    private Mono<Purchase> findReceipt(PurchaseRequest request) {
        return mongo.findOne(
                Query.query(Criteria.where("storeId")
                        .is(request.storeId())
                        .and("receiptNumber")
                        .is(request.receiptNumber())),
                Purchase.class);
    }

    private Mono<Void> checkStoreAndCurrency(PurchaseRequest request) {
        try {
            Currency.getInstance(request.currency());
        } catch (IllegalArgumentException unknown) {
            return Mono.error(Problem.of(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "'" + request.currency() + "' is not an ISO 4217 currency code."));
        }
        return stores.isStoreOf(request.brandId(), request.storeId())
                .flatMap(registered -> registered
                        ? rules.forBrand(request.brandId())
                        : Mono.error(Problem.of(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "store-not-of-brand",
                                "Store '" + request.storeId() + "' is not registered as a store of brand '"
                                        + request.brandId() + "'.")))
                .flatMap(brandRules -> brandRules.currency().equals(request.currency())
                        ? Mono.<Void>empty()
                        : Mono.error(Problem.of(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "currency-not-accepted",
                                "Brand '" + request.brandId() + "' awards points for purchases in "
                                        + brandRules.currency() + ", not " + request.currency() + ".")));
    }

    private static String fingerprint(String... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\u001f", fields).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
