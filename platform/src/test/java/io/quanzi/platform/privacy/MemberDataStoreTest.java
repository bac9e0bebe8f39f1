package io.quanzi.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.quanzi.platform.test.EmbeddedMongo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Export and erasure of one member's data, wherever their id occurs, against the embedded MongoDB-wire server. */
class MemberDataStoreTest {

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    private final String member = UUID.randomUUID().toString();
    private final String other = UUID.randomUUID().toString();
    private final String pseudonym = "erased-" + UUID.randomUUID();
    private final MemberDataStore store = new MemberDataStore(
            mongo, new ErasurePolicy(Set.of("profiles"), Set.of("authorName"), Set.of("signing_keys")));

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("member-data-store-test"));
        mongo = new ReactiveMongoTemplate(client, "member-data-store-test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void world() {
        for (String collection : List.of("profiles", "posts", "ledger", "firsts", "signing_keys")) {
            mongo.dropCollection(collection).block();
        }
        mongo.insert(new Document("_id", "p1").append("memberId", member).append("email", "a@b.c"), "profiles")
                .block();
        mongo.insert(new Document("_id", "p2").append("memberId", other), "profiles")
                .block();
        mongo.insert(
                        new Document("_id", "post1")
                                .append("authorId", member)
                                .append("authorName", "Alice")
                                .append("likeCount", 3)
                                .append(
                                        "outbox",
                                        List.of(new Document("key", "first-post:c1:" + member)
                                                .append("payload", new Document("memberId", member)))),
                        "posts")
                .block();
        mongo.insert(new Document("_id", "post2").append("authorId", other).append("authorName", "Bob"), "posts")
                .block();
        mongo.insert(new Document("_id", "e1").append("memberId", member).append("points", 40), "ledger")
                .block();
        mongo.insert(new Document("_id", "e2").append("memberId", member).append("points", -10), "ledger")
                .block();
        mongo.insert(new Document("_id", "brand-1:" + member).append("checkInId", "c1"), "firsts")
                .block();
        mongo.insert(new Document("_id", "k1").append("note", member), "signing_keys")
                .block();
    }

    @Test
    void exportFindsTheMemberInFieldsKeysAndNestedPayloads() {
        Map<String, List<Document>> export = store.export(member).block();

        assertThat(export).containsOnlyKeys("firsts", "ledger", "posts", "profiles");
        assertThat(export.get("ledger")).hasSize(2);
        assertThat(export.get("posts")).singleElement().satisfies(post -> assertThat(post.get("_id"))
                .isEqualTo("post1"));
    }

    @Test
    void erasureDeletesProfilesPseudonymizesTheRestAndKeepsTheSums() {
        store.erase(member, pseudonym).block();

        assertThat(store.export(member).block()).as("the id is nowhere").isEmpty();
        assertThat(mongo.findById("p1", Document.class, "profiles").block()).isNull();
        assertThat(mongo.findById("p2", Document.class, "profiles").block()).isNotNull();
        Document post = mongo.findById("post1", Document.class, "posts").block();
        assertThat(post.get("authorId")).isEqualTo(pseudonym);
        assertThat(post.get("authorName")).isNull();
        assertThat(post.get("likeCount")).isEqualTo(3);
        assertThat(post.getList("outbox", Document.class).get(0).getString("key"))
                .isEqualTo("first-post:c1:" + pseudonym);
        assertThat(mongo.findById("post2", Document.class, "posts").block().get("authorName"))
                .isEqualTo("Bob");
        assertThat(mongo.findAll(Document.class, "ledger")
                        .filter(entry -> entry.get("memberId").equals(pseudonym))
                        .map(entry -> entry.getInteger("points"))
                        .reduce(0, Integer::sum)
                        .block())
                .isEqualTo(30);
        assertThat(mongo.findById("brand-1:" + pseudonym, Document.class, "firsts")
                        .block())
                .isNotNull();
        assertThat(mongo.findById("k1", Document.class, "signing_keys").block().get("note"))
                .as("untouched collections are not read")
                .isEqualTo(member);
    }

    @Test
    void erasingAgainChangesNothing() {
        store.erase(member, pseudonym).block();

        assertThat(store.erase(member, pseudonym).block()).isZero();
    }
}
