package io.quanzi.offer.offer;

import io.quanzi.offer.brand.BrandStores;
import io.quanzi.offer.fact.MemberFacts;
import io.quanzi.offer.offer.OfferRequests.CreateOffer;
import io.quanzi.offer.offer.OfferRequests.EditOffer;
import io.quanzi.offer.offer.OfferResponses.AdminOffer;
import io.quanzi.offer.offer.OfferResponses.MemberOffer;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Offers of brands: brand admins create, edit, pause, resume and close them for the brands in
 * their {@code brand_ids} claim; members list and read those they are eligible for.
 */
@Service
public class Offers {

    static final int MAX_LISTED = 200;

    private final ReactiveMongoTemplate mongo;
    private final OfferStock stock;
    private final MemberFacts facts;
    private final MemberTiers tiers;
    private final BrandStores brandStores;
    private final OfferTermsCache cache;
    private final Clock clock;
    private final int stockBuckets;

    Offers(
            ReactiveMongoTemplate mongo,
            OfferStock stock,
            MemberFacts facts,
            MemberTiers tiers,
            BrandStores brandStores,
            OfferTermsCache cache,
            Clock clock,
            @Value("${quanzi.offers.stock-buckets:8}") int stockBuckets) {
        this.mongo = mongo;
        this.stock = stock;
        this.facts = facts;
        this.tiers = tiers;
        this.brandStores = brandStores;
        this.cache = cache;
        this.clock = clock;
        this.stockBuckets = Math.max(1, stockBuckets);
    }

    // ---- brand admins ----

    Mono<AdminOffer> create(Jwt admin, CreateOffer request) {
        return Mono.defer(() -> {
            Caller.of(admin).requireBrandAdminOf(request.brandId());
            return requireStoresOf(request.brandId(), request.redeemableStoreIds())
                    .then(insert(admin, request));
        });
    }

    private Mono<AdminOffer> insert(Jwt admin, CreateOffer request) {
        Instant now = clock.instant();
        String id = new ObjectId().toHexString();
        int buckets = Math.min(stockBuckets, request.totalStock());
        Offer offer = new Offer(
                id,
                request.brandId(),
                request.type(),
                request.title().strip(),
                request.description(),
                request.imageUrl(),
                request.validFrom(),
                request.validUntil(),
                List.copyOf(Set.copyOf(request.redeemableStoreIds())),
                request.totalStock(),
                request.perMemberLimit(),
                Optional.ofNullable(request.pointsPrice()).orElse(0L),
                request.eligibility() == null
                        ? Eligibility.anyone()
                        : request.eligibility().toEligibility(),
                OfferStatus.ACTIVE,
                false,
                buckets,
                0,
                admin.getSubject(),
                now,
                now);
        // Buckets first: a crash in between leaves orphan buckets, never an offer without stock.
        return stock.create(id, request.totalStock(), buckets)
                .then(mongo.insert(offer))
                .map(saved -> AdminOffer.of(saved, saved.totalStock()));
    }

    Mono<AdminOffer> edit(Jwt admin, String offerId, EditOffer edit) {
        return managedOffer(admin, offerId).flatMap(current -> applyEdit(current, edit));
    }

    private Mono<AdminOffer> applyEdit(Offer current, EditOffer edit) {
        if (current.status() == OfferStatus.CLOSED) {
            return Mono.error(closed(current));
        }
        Instant validFrom = edit.validFrom() != null ? edit.validFrom() : current.validFrom();
        Instant validUntil = edit.validUntil() != null ? edit.validUntil() : current.validUntil();
        if (!validUntil.isAfter(validFrom)) {
            return Mono.error(
                    Problem.of(HttpStatus.BAD_REQUEST, "invalid-offer", "validUntil must be after validFrom."));
        }
        Eligibility eligibility =
                edit.eligibility() != null ? edit.eligibility().toEligibility() : current.eligibility();
        if (current.type() == OfferType.EVENT_EXCLUSIVE
                && eligibility.facts().stream().noneMatch(fact -> fact.startsWith("attended-event:"))) {
            return Mono.error(Problem.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid-offer",
                    "An EVENT_EXCLUSIVE offer needs an attended-event:{eventId} fact in eligibility.facts."));
        }
        long pointsPrice = edit.pointsPrice() != null ? edit.pointsPrice() : current.pointsPrice();
        if (current.type() == OfferType.POINTS_REWARD && pointsPrice <= 0) {
            return Mono.error(Problem.of(
                    HttpStatus.BAD_REQUEST, "invalid-offer", "A POINTS_REWARD needs a points price above 0."));
        }
        int extraStock = 0;
        if (edit.totalStock() != null) {
            extraStock = edit.totalStock() - current.totalStock();
            if (extraStock < 0) {
                return Mono.error(Problem.of(
                        HttpStatus.CONFLICT,
                        "stock-cannot-shrink",
                        "Stock can only grow (it is " + current.totalStock()
                                + "); pause or close the offer to stop claims."));
            }
        }
        Update update = new Update()
                .set("validFrom", validFrom)
                .set("validUntil", validUntil)
                .set("eligibility", eligibility)
                .set("pointsPrice", pointsPrice)
                .set("updatedAt", clock.instant())
                .inc("version", 1);
        if (edit.title() != null) {
            update.set("title", edit.title().strip());
        }
        if (edit.description() != null) {
            update.set("description", edit.description());
        }
        if (edit.imageUrl() != null) {
            update.set("imageUrl", edit.imageUrl());
        }
        if (edit.redeemableStoreIds() != null) {
            update.set("redeemableStoreIds", List.copyOf(Set.copyOf(edit.redeemableStoreIds())));
        }
        if (edit.perMemberLimit() != null) {
            update.set("perMemberLimit", edit.perMemberLimit());
        }
        if (extraStock > 0) {
            update.set("totalStock", edit.totalStock()).set("soldOut", false);
        }
        int extra = extraStock;
        Mono<Void> storesChecked = edit.redeemableStoreIds() == null
                ? Mono.empty()
                : requireStoresOf(current.brandId(), edit.redeemableStoreIds());
        // The offer first, then the buckets: a crash in between leaves less stock than announced,
        // never more.
        return storesChecked
                .then(mongo.findAndModify(
                                sameVersion(current),
                                update,
                                FindAndModifyOptions.options().returnNew(true),
                                Offer.class)
                        .switchIfEmpty(Mono.error(() -> Problem.of(
                                HttpStatus.CONFLICT,
                                "conflict",
                                "The offer was changed by someone else meanwhile; read it again and retry."))))
                .doOnNext(saved -> cache.forget(saved.id()))
                .flatMap(saved -> (extra > 0 ? stock.add(saved.id(), extra, saved.stockBuckets()) : Mono.<Void>empty())
                        .then(adminView(saved)));
    }

    /**
     * Refuses store ids that member-service has not registered as stores of the brand, so an offer can never be made
     * redeemable at another brand's store (whose staff could then redeem it).
     */
    private Mono<Void> requireStoresOf(String brandId, List<String> storeIds) {
        return brandStores
                .notOfBrand(brandId, storeIds)
                .flatMap(unknown -> unknown.isEmpty()
                        ? Mono.<Void>empty()
                        : Mono.error(Problem.of(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "store-not-of-brand",
                                "Not stores of brand '" + brandId + "': " + String.join(", ", unknown) + ".")));
    }

    Mono<AdminOffer> pause(Jwt admin, String offerId) {
        return transition(admin, offerId, OfferStatus.ACTIVE, OfferStatus.PAUSED);
    }

    Mono<AdminOffer> resume(Jwt admin, String offerId) {
        return transition(admin, offerId, OfferStatus.PAUSED, OfferStatus.ACTIVE);
    }

    Mono<AdminOffer> close(Jwt admin, String offerId) {
        return managedOffer(admin, offerId).flatMap(offer -> {
            if (offer.status() == OfferStatus.CLOSED) {
                return adminView(offer);
            }
            Query open =
                    Query.query(Criteria.where("_id").is(offerId).and("status").ne(OfferStatus.CLOSED));
            return mongo.findAndModify(
                            open,
                            statusUpdate(OfferStatus.CLOSED),
                            FindAndModifyOptions.options().returnNew(true),
                            Offer.class)
                    .doOnNext(closed -> cache.forget(offerId))
                    .switchIfEmpty(mongo.findById(offerId, Offer.class))
                    .flatMap(this::adminView);
        });
    }

    private Mono<AdminOffer> transition(Jwt admin, String offerId, OfferStatus from, OfferStatus to) {
        return managedOffer(admin, offerId).flatMap(offer -> {
            if (offer.status() == to) {
                return adminView(offer);
            }
            if (offer.status() != from) {
                return Mono.error(offer.status() == OfferStatus.CLOSED ? closed(offer) : wrongStatus(offer, to));
            }
            Query inState =
                    Query.query(Criteria.where("_id").is(offerId).and("status").is(from));
            return mongo.findAndModify(
                            inState,
                            statusUpdate(to),
                            FindAndModifyOptions.options().returnNew(true),
                            Offer.class)
                    .doOnNext(moved -> cache.forget(offerId))
                    .switchIfEmpty(Mono.defer(() -> mongo.findById(offerId, Offer.class)
                            .flatMap(now -> now.status() == to ? Mono.just(now) : Mono.error(wrongStatus(now, to)))))
                    .flatMap(this::adminView);
        });
    }

    Flux<AdminOffer> managed(Jwt admin, String brandId) {
        return Flux.defer(() -> {
            Caller.of(admin).requireBrandAdminOf(brandId);
            return mongo.find(byBrand(brandId), Offer.class).concatMap(this::adminView);
        });
    }

    private static Query byBrand(String brandId) {
        return Query.query(Criteria.where("brandId").is(brandId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(MAX_LISTED);
    }

    Mono<AdminOffer> managedView(Jwt admin, String offerId) {
        return managedOffer(admin, offerId).flatMap(this::adminView);
    }

    /** The brand of an offer the caller manages: 404 {@code offer-not-found}, 403 for another brand's offer. */
    public Mono<String> managedBrandId(Jwt admin, String offerId) {
        return managedOffer(admin, offerId).map(Offer::brandId);
    }

    private Mono<Offer> managedOffer(Jwt admin, String offerId) {
        return mongo.findById(offerId, Offer.class)
                .switchIfEmpty(
                        Mono.error(() -> Problem.notFound("offer-not-found", "There is no offer " + offerId + ".")))
                .doOnNext(offer -> Caller.of(admin).requireBrandAdminOf(offer.brandId()));
    }

    private Mono<AdminOffer> adminView(Offer offer) {
        return stock.remaining(offer.id()).map(remaining -> AdminOffer.of(offer, remaining));
    }

    // ---- members ----

    /** The active, not yet ended offers of a brand the member is eligible for, soonest first. */
    Flux<MemberOffer> eligibleFor(String memberId, String brandId) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("brandId")
                        .is(brandId)
                        .and("status")
                        .is(OfferStatus.ACTIVE)
                        .and("validUntil")
                        .gt(now))
                .with(Sort.by(Sort.Direction.ASC, "validFrom"))
                .limit(MAX_LISTED);
        Mono<Set<String>> memberFacts = facts.of(memberId, brandId).cache();
        Mono<Optional<String>> tier = tiers.tierOf(memberId, brandId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .cache();
        return mongo.find(query, Offer.class)
                .filterWhen(offer -> Mono.zip(memberFacts, tier)
                        .map(known -> eligible(offer.eligibility(), known.getT1(), known.getT2())))
                .map(offer -> MemberOffer.of(offer, now));
    }

    /** One active offer the member is eligible for; 404 otherwise, so nothing leaks. */
    Mono<MemberOffer> forMember(String memberId, String offerId) {
        Instant now = clock.instant();
        return mongo.findById(offerId, Offer.class)
                .filter(offer -> offer.status() == OfferStatus.ACTIVE
                        && offer.validUntil().isAfter(now))
                .filterWhen(offer -> isEligible(offer.terms(), memberId))
                .map(offer -> MemberOffer.of(offer, now))
                .switchIfEmpty(
                        Mono.error(() -> Problem.notFound("offer-not-found", "There is no offer " + offerId + ".")));
    }

    // ---- for claims and redemptions ----

    /** The current terms of an offer; 404 problem if there is none. */
    public Mono<OfferTerms> terms(String offerId) {
        return mongo.findById(offerId, Offer.class)
                .map(Offer::terms)
                .switchIfEmpty(
                        Mono.error(() -> Problem.notFound("offer-not-found", "There is no offer " + offerId + ".")));
    }

    /**
     * The terms of an offer for a claim: as {@link #terms}, but possibly kept from a read up to {@code
     * quanzi.offers.terms-cache-ttl} ago. A change made by this instance is seen at once.
     */
    public Mono<OfferTerms> claimTerms(String offerId) {
        return cache.get(offerId, () -> terms(offerId));
    }

    /** Whether the member meets the offer's tier and fact requirements. */
    public Mono<Boolean> isEligible(OfferTerms offer, String memberId) {
        Eligibility eligibility = offer.eligibility();
        Mono<Set<String>> memberFacts =
                eligibility.facts().isEmpty() ? Mono.just(Set.of()) : facts.of(memberId, offer.brandId());
        Mono<Optional<String>> tier = eligibility.tiers().isEmpty()
                ? Mono.just(Optional.empty())
                : tiers.tierOf(memberId, offer.brandId()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(memberFacts, tier).map(known -> eligible(eligibility, known.getT1(), known.getT2()));
    }

    private static boolean eligible(Eligibility eligibility, Set<String> memberFacts, Optional<String> tier) {
        boolean tierOk = eligibility.tiers().isEmpty()
                || tier.map(eligibility.tiers()::contains).orElse(false);
        return tierOk && memberFacts.containsAll(eligibility.facts());
    }

    // ---- helpers ----

    private Update statusUpdate(OfferStatus status) {
        return new Update()
                .set("status", status)
                .set("updatedAt", clock.instant())
                .inc("version", 1);
    }

    private static Query sameVersion(Offer offer) {
        return Query.query(Criteria.where("_id").is(offer.id()).and("version").is(offer.version()));
    }

    private static Problem closed(Offer offer) {
        return Problem.of(
                HttpStatus.CONFLICT, "offer-closed", "\"" + offer.title() + "\" is closed and cannot change any more.");
    }

    private static Problem wrongStatus(Offer offer, OfferStatus target) {
        return Problem.of(
                HttpStatus.CONFLICT,
                "offer-status",
                "\"" + offer.title() + "\" is " + offer.status() + " and cannot become " + target + ".");
    }
}
