package io.quanzi.community.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.platform.test.EmbeddedMongo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/public/shares/{code}}: what a share link's landing page shows before anyone signs in. */
class PublicShareTest extends CommunityTestSupport {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "public-share-test");
    }

    @Test
    void anyoneWithoutATokenSeesTheCommunityAPostPreviewAndWhoShared() {
        String id = openCommunity("Morning runners", "We run at 7, rain or shine.");
        api.joined(alice, id);
        api.joined(bob, id);
        String text = "路".repeat(279) + "😀 and then some more words";
        String postId =
                post(Tokens.member(alice, "Alice Chen", "alice"), id, text, List.of("https://img.example/1.jpg"));
        String code = share(Tokens.member(bob, "Bob Li", "bob"), postId);

        byte[] body = publicPreview(code)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();

        JsonNode preview =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        assertThat(preview.propertyNames())
                .containsExactlyInAnyOrder("code", "community", "post", "sharerName", "depth");
        assertThat(preview.get("code").asString()).isEqualTo(code);
        assertThat(preview.get("sharerName").asString()).isEqualTo("Bob Li");
        assertThat(preview.get("depth").asInt()).isEqualTo(1);
        JsonNode community = preview.get("community");
        assertThat(community.propertyNames()).containsExactlyInAnyOrder("id", "name", "description", "kind", "brandId");
        assertThat(community.get("id").asString()).isEqualTo(id);
        assertThat(community.get("name").asString()).isEqualTo("Morning runners");
        assertThat(community.get("description").asString()).isEqualTo("We run at 7, rain or shine.");
        assertThat(community.get("kind").asString()).isEqualTo("CLUB");
        assertThat(community.get("brandId").asString()).isEqualTo(BRAND);
        JsonNode post = preview.get("post");
        assertThat(post.propertyNames())
                .containsExactlyInAnyOrder("id", "text", "imageUrls", "createdAt", "authorName");
        assertThat(post.get("id").asString()).isEqualTo(postId);
        assertThat(post.get("text").asString()).isEqualTo("路".repeat(279) + "😀…");
        assertThat(post.get("imageUrls").get(0).asString()).isEqualTo("https://img.example/1.jpg");
        assertThat(post.get("createdAt").asString()).isNotBlank();
        assertThat(post.get("authorName").asString()).isEqualTo("Alice Chen");
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(alice)
                .doesNotContain(bob);
    }

    @Test
    void shareLinksOpenTheWebAppsLandingPage() {
        String id = openCommunity("Links", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "link me");

        JsonNode created = api.json(web.mutateWith(Tokens.member(alice))
                .post()
                .uri("/api/communities/posts/{p}/shares", postId)
                .exchange()
                .expectStatus()
                .isCreated());

        assertThat(created.get("url").asString())
                .isEqualTo("http://localhost:8080/s/" + created.get("code").asString());
    }

    @Test
    void shortPostsAreShownWhole() {
        String id = openCommunity("Trail", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "Trail day on Sunday");
        String code = share(Tokens.member(alice), postId);

        publicPreview(code)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.post.text")
                .isEqualTo("Trail day on Sunday")
                .jsonPath("$.post.authorName")
                .value(name -> assertThat(name).isNull())
                .jsonPath("$.sharerName")
                .value(name -> assertThat(name).isNull());
    }

    @Test
    void previewingRecordsNoVisitButOpeningTheLinkSignedInDoes() {
        String id = openCommunity("Visits", null);
        api.joined(alice, id);
        String code = share(Tokens.member(alice, "Alice", null), api.posted(alice, id, "come along"));

        publicPreview(code).expectStatus().isOk();
        web.mutateWith(Tokens.member(bob))
                .get()
                .uri("/api/public/shares/{code}", code)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(visitsOf(code)).isZero();

        web.mutateWith(Tokens.member(bob))
                .get()
                .uri("/api/communities/shares/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sharerName")
                .isEqualTo("Alice")
                .jsonPath("$.sharerId")
                .isEqualTo(alice);
        assertThat(visitsOf(code)).isOne();
    }

    @Test
    void signedInLandingShowsTheSharersAndTheAuthorsNames() {
        String id = openCommunity("Names", null);
        api.joined(alice, id);
        api.joined(bob, id);
        String postId = post(Tokens.member(alice, "Alice Chen", null), id, "names please", List.of());
        String code = share(Tokens.member(bob, null, "bobby"), postId);

        web.mutateWith(Tokens.member(carolId()))
                .get()
                .uri("/api/communities/shares/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sharerName")
                .isEqualTo("bobby")
                .jsonPath("$.post.authorName")
                .isEqualTo("Alice Chen");
    }

    @Test
    void hiddenPostIsNotFound() {
        String id = openCommunity("Moderated", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "spam spam");
        String code = share(Tokens.member(alice), postId);
        publicPreview(code).expectStatus().isOk();

        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .post()
                .uri("/api/communities/posts/{p}/hide", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "spam"))
                .exchange()
                .expectStatus()
                .isOk();

        expectShareNotFound(code);
    }

    @Test
    void sharesFromAnInvitationOnlyCoreGroupAreNotFound() {
        String core = api.createCommunity(ada, BRAND, "CORE_GROUP", "INVITE_ONLY", null);
        api.invite(Tokens.brandAdmin(ada, BRAND), core, alice).expectStatus().isCreated();
        api.acceptInvitation(alice, core).expectStatus().isOk();
        String code = share(Tokens.member(alice, "Alice", null), api.posted(alice, core, "insiders only"));

        expectShareNotFound(code);
    }

    @Test
    void unknownCodesAreNotFoundAndMalformedOnesAreBadRequests() {
        expectShareNotFound("AAAAAAAAAAAAAAAAAAAAAA");
        for (String code : new String[] {"short", "A".repeat(23), "AAAAAAAAAAAAAAAAAAAAA.", "{\"$gt\":\"\"}"}) {
            publicPreview(code)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:quanzi:problem:invalid-share-code");
        }
    }

    @Test
    void onlyReadingOneShareIsOpen() {
        String id = openCommunity("Closed doors", null);
        api.joined(alice, id);
        String code = share(Tokens.member(alice), api.posted(alice, id, "hello"));

        web.get().uri("/api/public/shares").exchange().expectStatus().isUnauthorized();
        web.get()
                .uri("/api/public/shares/{code}/visits", code)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.post()
                .uri("/api/public/shares/{code}", code)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.get()
                .uri("/api/communities/shares/{code}", code)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.get().uri("/api/communities/{id}", id).exchange().expectStatus().isUnauthorized();
        assertThat(visitsOf(code)).isZero();
    }

    private String openCommunity(String name, String description) {
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("brandId", BRAND, "name", name, "kind", "CLUB", "joinPolicy", "OPEN"));
        if (description != null) {
            body.put("description", description);
        }
        return api.json(web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                        .post()
                        .uri("/api/communities")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
    }

    private String post(
            org.springframework.test.web.reactive.server.WebTestClientConfigurer who,
            String communityId,
            String text,
            List<String> imageUrls) {
        return api.json(web.mutateWith(who)
                        .post()
                        .uri("/api/communities/{id}/posts", communityId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("text", text, "imageUrls", imageUrls))
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
    }

    private String share(org.springframework.test.web.reactive.server.WebTestClientConfigurer who, String postId) {
        return api.json(web.mutateWith(who)
                        .post()
                        .uri("/api/communities/posts/{p}/shares", postId)
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .get("code")
                .asString();
    }

    private WebTestClient.ResponseSpec publicPreview(String code) {
        return web.get().uri("/api/public/shares/{code}", code).exchange();
    }

    private void expectShareNotFound(String code) {
        publicPreview(code)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:share-not-found");
    }

    private long visitsOf(String code) {
        return mongo.count(Query.query(Criteria.where("code").is(code)), ShareVisit.class)
                .block();
    }

    private static String carolId() {
        return "carol-" + java.util.UUID.randomUUID();
    }
}
