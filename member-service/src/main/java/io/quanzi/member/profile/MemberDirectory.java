package io.quanzi.member.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What other features may read of profiles (names for admin lists), and the profile's part of export and erasure. */
@Component
public class MemberDirectory {

    private final ReactiveMongoTemplate mongo;

    MemberDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Display names by member id (members without a profile are left out). */
    public Mono<Map<String, String>> displayNames(Collection<String> memberIds) {
        Query query = Query.query(where("subject").in(memberIds));
        query.fields().include("subject", "displayName");
        return mongo.find(query, MemberProfile.class)
                .collect(Collectors.toMap(
                        MemberProfile::subject, profile -> String.valueOf(profile.displayName()), (a, b) -> a));
    }

    /** The member's display name, or empty if they have no profile (or no name in it). */
    public Mono<String> displayName(String memberId) {
        Query query = Query.query(where("subject").is(memberId));
        query.fields().include("subject", "displayName");
        return mongo.findOne(query, MemberProfile.class)
                .mapNotNull(MemberProfile::displayName)
                .filter(name -> !name.isBlank());
    }

    /** Those of {@code memberIds} whose display name starts with {@code prefix} (case-insensitive, literal). */
    public Mono<Set<String>> withDisplayNamePrefix(Collection<String> memberIds, String prefix) {
        if (memberIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        // Every regex metacharacter escaped: the prefix is matched literally, whatever the member typed.
        String literal = prefix.replaceAll("[\\\\^$.|?*+()\\[\\]{}-]", "\\\\$0");
        Pattern startsWith = Pattern.compile("^" + literal, Pattern.CASE_INSENSITIVE);
        Query query =
                Query.query(where("subject").in(memberIds).and("displayName").regex(startsWith));
        query.fields().include("subject");
        return mongo.find(query, MemberProfile.class)
                .map(MemberProfile::subject)
                .collect(Collectors.toSet());
    }

    /** The profile as the member may take it away (empty if they never had one). */
    public Mono<Map<String, Object>> export(String memberId) {
        return mongo.findOne(Query.query(where("subject").is(memberId)), MemberProfile.class)
                .map(MemberProfileResponse::of)
                .<Map<String, Object>>map(profile -> Map.of("profile", profile))
                .defaultIfEmpty(java.util.Collections.singletonMap("profile", null));
    }

    /** Erases the profile: name, email, phone, avatar and preferences are personal data with no integrity role. */
    public Mono<Void> erase(String memberId) {
        return mongo.remove(Query.query(where("subject").is(memberId)), MemberProfile.class)
                .then();
    }
}
