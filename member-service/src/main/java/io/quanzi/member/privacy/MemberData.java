package io.quanzi.member.privacy;

import io.quanzi.member.club.Clubs;
import io.quanzi.member.consent.Consents;
import io.quanzi.member.profile.MemberDirectory;
import io.quanzi.member.referral.Referrals;
import io.quanzi.platform.outbox.OutboxRelay;
import io.quanzi.platform.privacy.ErasurePolicy;
import io.quanzi.platform.privacy.MemberDataStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything Quanzi holds about one member: the export (data portability; offer-service's and
 * community-service's part gathered through {@link Erasures}) and the erasure. Erasure removes the
 * profile and unlinks what integrity needs to keep (member numbers, the invite graph, consent
 * proofs) by replacing the member id with a fresh random pseudonym, here and, through the outbox,
 * in offer-service and community-service (the same pseudonym everywhere).
 */
@Service
class MemberData {

    private final MemberDirectory profiles;
    private final Clubs clubs;
    private final Consents consents;
    private final Referrals referrals;
    private final Clock clock;
    private final ReactiveMongoTemplate mongo;
    private final Erasures others;
    private final OutboxRelay relay;
    private final MemberDataStore everything;

    MemberData(
            MemberDirectory profiles,
            Clubs clubs,
            Consents consents,
            Referrals referrals,
            Clock clock,
            ReactiveMongoTemplate mongo,
            Erasures others,
            OutboxRelay relay) {
        this.profiles = profiles;
        this.clubs = clubs;
        this.consents = consents;
        this.referrals = referrals;
        this.clock = clock;
        this.mongo = mongo;
        this.others = others;
        this.relay = relay;
        // Whatever the features' own steps leave (outbox payloads and keys that carry the id) is pseudonymized too;
        // the erasure records keep the real id until the other services acknowledged them.
        this.everything = new MemberDataStore(
                mongo, new ErasurePolicy(Set.of("member_profiles"), Set.of(), Set.of(Erasures.COLLECTION)));
    }

    Mono<Map<String, Object>> export(String memberId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("memberId", memberId);
        export.put("exportedAt", clock.instant());
        return Flux.concat(
                        profiles.export(memberId),
                        clubs.export(memberId),
                        consents.export(memberId),
                        referrals.export(memberId),
                        others.gather(memberId))
                .doOnNext(export::putAll)
                .then(Mono.fromSupplier(() -> export));
    }

    Mono<Void> erase(String memberId) {
        String pseudonym = "erased-" + UUID.randomUUID();
        return Erasures.record(mongo, memberId, pseudonym, clock.instant())
                .then(clubs.anonymize(memberId, pseudonym))
                .then(consents.anonymize(memberId, pseudonym))
                .then(referrals.anonymize(memberId, pseudonym))
                .then(profiles.erase(memberId))
                .then(everything.erase(memberId, pseudonym))
                .then(Mono.defer(() -> Erasures.release(mongo, pseudonym, clock.instant())))
                .doOnSuccess(done -> relay.kick(Erasures.COLLECTION, pseudonym))
                .then();
    }
}
