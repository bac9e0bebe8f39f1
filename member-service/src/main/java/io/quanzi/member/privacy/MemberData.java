package io.quanzi.member.privacy;

import io.quanzi.member.club.Clubs;
import io.quanzi.member.consent.Consents;
import io.quanzi.member.profile.MemberDirectory;
import io.quanzi.member.referral.Referrals;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything member-service holds about one member: the export (data portability) and the
 * erasure. Erasure removes the profile and unlinks what integrity needs to keep (member numbers,
 * the invite graph, consent proofs) by replacing the member id with a fresh random pseudonym.
 */
@Service
class MemberData {

    private final MemberDirectory profiles;
    private final Clubs clubs;
    private final Consents consents;
    private final Referrals referrals;
    private final Clock clock;

    MemberData(MemberDirectory profiles, Clubs clubs, Consents consents, Referrals referrals, Clock clock) {
        this.profiles = profiles;
        this.clubs = clubs;
        this.consents = consents;
        this.referrals = referrals;
        this.clock = clock;
    }

    Mono<Map<String, Object>> export(String memberId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("memberId", memberId);
        export.put("exportedAt", clock.instant());
        return Flux.concat(
                        profiles.export(memberId),
                        clubs.export(memberId),
                        consents.export(memberId),
                        referrals.export(memberId))
                .doOnNext(export::putAll)
                .then(Mono.fromSupplier(() -> export));
    }

    Mono<Void> erase(String memberId) {
        String pseudonym = "erased-" + UUID.randomUUID();
        return clubs.anonymize(memberId, pseudonym)
                .then(consents.anonymize(memberId, pseudonym))
                .then(referrals.anonymize(memberId, pseudonym))
                .then(profiles.erase(memberId));
    }
}
