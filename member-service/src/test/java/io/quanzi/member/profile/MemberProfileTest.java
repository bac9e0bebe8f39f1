package io.quanzi.member.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

@SpringBootTest
@AutoConfigureWebTestClient
class MemberProfileTest {

    @Autowired
    WebTestClient web;

    @Autowired
    MemberProfiles profiles;

    @Autowired
    MemberProfileRepository repository;

    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "member-profile-test");
    }

    @Test
    void memberSeesProfileMadeFromTokenClaims() {
        String subject = UUID.randomUUID().toString();

        web.mutateWith(member(subject))
                .get()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.subject")
                .isEqualTo(subject)
                .jsonPath("$.displayName")
                .isEqualTo("Mia Lin")
                .jsonPath("$.email")
                .isEqualTo("mia@example.com")
                .jsonPath("$.id")
                .isNotEmpty()
                .jsonPath("$.createdAt")
                .isNotEmpty();
    }

    @Test
    void identityComesFromTheTokenNotTheRequest() {
        String subject = UUID.randomUUID().toString();

        web.mutateWith(member(subject))
                .get()
                .uri("/api/members/me?subject=someone-else")
                .header("X-User-Id", "someone-else")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subject")
                .isEqualTo(subject);
    }

    @Test
    void repeatedCallsReturnTheSameProfile() {
        String subject = UUID.randomUUID().toString();
        String first = profileId(subject);

        assertThat(profileId(subject)).isEqualTo(first);
    }

    @Test
    void callerWithoutMemberRoleIsForbidden() {
        web.mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject("staff-1"))
                        .authorities(new SimpleGrantedAuthority("ROLE_staff")))
                .get()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anonymousCallerIsUnauthorized() {
        web.get().uri("/api/members/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void concurrentFirstCallsCreateExactlyOneProfile() {
        String subject = UUID.randomUUID().toString();
        Jwt token = token(subject);

        StepVerifier.create(Flux.range(0, 32)
                        .flatMap(i -> profiles.currentMember(token).subscribeOn(Schedulers.parallel()), 32)
                        .map(MemberProfileResponse::id)
                        .distinct()
                        .count())
                .expectNext(1L)
                .verifyComplete();
        StepVerifier.create(mongo.count(Query.query(Criteria.where("subject").is(subject)), MemberProfile.class))
                .expectNext(1L)
                .verifyComplete();
    }

    @Test
    void uniqueIndexRefusesASecondProfileForTheSameSubject() {
        String subject = UUID.randomUUID().toString();
        MemberProfile profile = MemberProfile.fromToken(subject, "A", "a@example.com", Instant.now());

        StepVerifier.create(repository.insert(profile).then(repository.insert(profile.withoutId())))
                .expectError(DuplicateKeyException.class)
                .verify();
    }

    private String profileId(String subject) {
        return web.mutateWith(member(subject))
                .get()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MemberProfileResponse.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    private static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator
            member(String subject) {
        return mockJwt().jwt(token(subject)).authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    private static Jwt token(String subject) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .claim("name", "Mia Lin")
                .claim("email", "mia@example.com")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
    }
}
