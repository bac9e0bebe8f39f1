package io.quanzi.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The layout rules every Quanzi app keeps (see STYLE.md). A service's architecture test includes
 * them with {@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class)}.
 */
public final class ArchitectureRules {

    // By name, so apps without Spring Data (the gateway) can run the same rules.
    private static final String REPOSITORY = "org.springframework.data.repository.Repository";
    private static final String DOCUMENT = "org.springframework.data.mongodb.core.mapping.Document";
    private static final String MONGO_OPERATIONS = "org.springframework.data.mongodb.core.ReactiveMongoOperations";

    private ArchitectureRules() {}

    /** Features (the packages under a service's root) never depend on each other in a circle. */
    @ArchTest
    public static final ArchRule featuresAreFreeOfCycles =
            slices().matching("io.quanzi.*.(*)..").should().beFreeOfCycles().allowEmptyShould(true);

    /** A repository is its feature's business: no other feature can reach it. */
    @ArchTest
    public static final ArchRule repositoriesStayInsideTheirFeature =
            classes().that().areAssignableTo(REPOSITORY).should().notBePublic().allowEmptyShould(true);

    /** Controllers speak in request and response records, never in stored documents or queries. */
    @ArchTest
    public static final ArchRule controllersNeverTouchDocumentsOrRepositories = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(DOCUMENT)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(REPOSITORY)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(MONGO_OPERATIONS)
            .allowEmptyShould(true);

    /** Constructor injection only. */
    @ArchTest
    public static final ArchRule noFieldInjection =
            noFields().should().beAnnotatedWith(Autowired.class).allowEmptyShould(true);

    /** Nothing blocks on a reactive type, except start-up work that must finish before serving. */
    @ArchTest
    public static final ArchRule nothingBlocksOutsideStartup = noClasses()
            .that()
            .doNotImplement(ApplicationRunner.class)
            .should()
            .callMethod(Mono.class, "block")
            .orShould()
            .callMethod(Mono.class, "block", Duration.class)
            .allowEmptyShould(true);

    /**
     * The caller's scopes ({@code brand_ids}, {@code store_ids}) and roles are read from the token in one place,
     * platform's {@code Caller}: outside {@code platform} no class reads raw claims off a token (named claims such as
     * the subject or the display name excepted), so no service can check a scope without its role.
     */
    @ArchTest
    public static final ArchRule scopeClaimsAreParsedOnlyByPlatform = noClasses()
            .that()
            .resideOutsideOfPackage("io.quanzi.platform..")
            .should()
            .callMethodWhere(readsRawClaims())
            .because("scopes are resolved by io.quanzi.platform.security.Caller")
            .allowEmptyShould(true);

    /** Rotating signing keys are made by platform's {@code RotatingSigningKeys} only. */
    @ArchTest
    public static final ArchRule signingKeysAreMadeOnlyByPlatform = noClasses()
            .that()
            .resideOutsideOfPackage("io.quanzi.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nimbusds.jose.jwk.gen..")
            .because("rotating ES256 keys live in io.quanzi.platform.keys.RotatingSigningKeys")
            .allowEmptyShould(true);

    /**
     * One outbox: relays live in platform ({@code io.quanzi.platform.outbox.OutboxRelay}); a service registers
     * {@code OutboxHandler}s and never schedules delivery itself.
     */
    @ArchTest
    public static final ArchRule outboxesAreRelayedOnlyByPlatform = noClasses()
            .that()
            .resideOutsideOfPackage("io.quanzi.platform..")
            .should()
            .haveSimpleNameEndingWith("Relay")
            .because("the one outbox relay is io.quanzi.platform.outbox.OutboxRelay")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule outboxWorkIsNeverScheduledByServices = noMethods()
            .that()
            .areDeclaredInClassesThat(touchOutboxes())
            .and()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage("io.quanzi.platform..")
            .should()
            .beAnnotatedWith(Scheduled.class)
            .because("the platform relay sweeps and kicks outboxes; services only register handlers")
            .allowEmptyShould(true);

    private static DescribedPredicate<JavaClass> touchOutboxes() {
        return DescribedPredicate.describe(
                "use platform's outbox", javaClass -> javaClass.getDirectDependenciesFromSelf().stream()
                        .anyMatch(dependency ->
                                dependency.getTargetClass().getPackageName().equals("io.quanzi.platform.outbox")));
    }

    private static DescribedPredicate<JavaMethodCall> readsRawClaims() {
        return DescribedPredicate.describe(
                "reads raw JWT claims (getClaims, getClaim, getClaimAsStringList, getClaimAsMap)",
                call -> call.getTarget().getOwner().isAssignableTo(CLAIM_ACCESSOR)
                        && RAW_CLAIM_READERS.contains(call.getTarget().getName()));
    }

    private static final String CLAIM_ACCESSOR = "org.springframework.security.oauth2.core.ClaimAccessor";

    private static final java.util.Set<String> RAW_CLAIM_READERS =
            java.util.Set.of("getClaims", "getClaim", "getClaimAsStringList", "getClaimAsMap");
}
