package io.quanzi.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
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
}
