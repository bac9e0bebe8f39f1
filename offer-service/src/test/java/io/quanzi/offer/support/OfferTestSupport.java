package io.quanzi.offer.support;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.quanzi.platform.test.EmbeddedMongo;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One Spring context for every points test class (same configuration, so it is cached): the
 * embedded MongoDB-wire server, a clock tests move by hand (it replaces the app's {@code Clock}), scheduled jobs off (tests run them).
 * Tests isolate themselves with fresh brand and member ids.
 */
@SpringBootTest(
        properties = {
            "quanzi.points.jobs.enabled=false",
            // The embedded server warns on every aggregation cursor option it ignores.
            "logging.level.de.bwaldvogel.mongo.backend.aggregation=ERROR"
        })
@AutoConfigureWebTestClient
@Import(TestClockConfiguration.class)
public abstract class OfferTestSupport {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "offer-points-test");
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static JwtMutator member(String subject) {
        return mockJwt().jwt(jwt -> jwt.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    protected static JwtMutator service(String client) {
        return mockJwt()
                .jwt(jwt -> jwt.subject("service-account-" + client).claim("azp", client))
                .authorities(new SimpleGrantedAuthority("ROLE_service"));
    }

    protected static JwtMutator staff(String subject, String... storeIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(subject).claim("store_ids", List.of(storeIds)))
                .authorities(new SimpleGrantedAuthority("ROLE_staff"));
    }

    protected static JwtMutator brandAdmin(String subject, String... brandIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(subject).claim("brand_ids", List.of(brandIds)))
                .authorities(new SimpleGrantedAuthority("ROLE_brand-admin"));
    }
}
