package io.quanzi.community;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * community-service on the embedded MongoDB-wire server, driven through {@link CommunityApi} with mock tokens. Each
 * test gets fresh member ids. A subclass names its own database in a {@code @DynamicPropertySource}, so it keeps its
 * own context and data.
 */
@SpringBootTest
@AutoConfigureWebTestClient
public abstract class CommunityTestSupport {

    protected static final String BRAND = "demo-brand";

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    protected CommunityApi api;

    // Fresh for each test: ada administers BRAND, alice and bob are members.
    protected String ada;
    protected String alice;
    protected String bob;

    @BeforeEach
    void freshMembers() {
        api = new CommunityApi(web);
        ada = "ada-" + UUID.randomUUID();
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
    }
}
