package io.quanzi.member.consent;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.quanzi.member.brand.Brands;
import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Marketing consent per member and brand, with a capped, timestamped history. */
@Service
public class Consents implements ApplicationRunner {

    static final int HISTORY_LIMIT = 200;

    private final ReactiveMongoTemplate mongo;
    private final Brands brands;
    private final Clock clock;

    Consents(ReactiveMongoTemplate mongo, Brands brands, Clock clock) {
        this.mongo = mongo;
        this.brands = brands;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(Consent.class)
                .createIndex(new Index()
                        .on("memberId", Sort.Direction.ASC)
                        .on("brandId", Sort.Direction.ASC)
                        .unique()
                        .named("member_brand_unique"))
                .block(Duration.ofSeconds(30));
    }

    Flux<ConsentResponse> all(String memberId) {
        return mongo.find(Query.query(where("memberId").is(memberId)).with(Sort.by("brandId")), Consent.class)
                .map(ConsentResponse::of);
    }

    Mono<ConsentResponse> one(String memberId, String brandId) {
        return mongo.findOne(
                        Query.query(
                                where("memberId").is(memberId).and("brandId").is(brandId)),
                        Consent.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound(
                        "consent-not-found", "You have not given or withdrawn consent for brand '" + brandId + "'.")))
                .map(ConsentResponse::of);
    }

    /** Records a decision: sets the current state and appends it to the history, in one upsert. */
    Mono<ConsentResponse> decide(String memberId, String brandId, ConsentRequest request) {
        Instant now = clock.instant();
        ConsentDecision decision =
                new ConsentDecision(request.granted(), request.textVersion(), request.channel(), now);
        Query query = Query.query(where("memberId").is(memberId).and("brandId").is(brandId));
        Update update = new Update()
                .setOnInsert("_id", UUID.randomUUID().toString())
                .set("granted", request.granted())
                .set("textVersion", request.textVersion())
                .set("channel", request.channel())
                .set("decidedAt", now)
                .push("history")
                .slice(-HISTORY_LIMIT)
                .each(decision);
        Mono<Consent> upsert = mongo.findAndModify(
                query, update, FindAndModifyOptions.options().upsert(true).returnNew(true), Consent.class);
        return brands.requireBrand(brandId)
                .then(upsert.onErrorResume(
                        DuplicateKeyException.class,
                        raced -> mongo.findAndModify(
                                query, update, FindAndModifyOptions.options().returnNew(true), Consent.class)))
                .map(ConsentResponse::of);
    }

    /** The member's consents for the data export. */
    public Mono<Map<String, Object>> export(String memberId) {
        return all(memberId).collectList().map(list -> Map.of("consents", list));
    }

    /**
     * Unlinks the member's consents: the decisions stay as anonymous records (proof of what was
     * agreed when), withdrawn, under a pseudonym that no longer points at the person.
     */
    public Mono<Void> anonymize(String memberId, String pseudonym) {
        return mongo.updateMulti(
                        Query.query(where("memberId").is(memberId)),
                        new Update().set("memberId", pseudonym).set("granted", false),
                        Consent.class)
                .then();
    }
}
