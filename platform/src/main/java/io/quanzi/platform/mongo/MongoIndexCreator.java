package io.quanzi.platform.mongo;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * Creates every declared index at start-up, before any other start-up work and before the app
 * reports ready: the unique indexes are what the services' invariants rest on. One index at a
 * time (creating an existing one is a no-op), at most 30 s in all.
 */
public class MongoIndexCreator implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexCreator.class);

    private final ReactiveMongoTemplate mongo;
    private final List<IndexDeclarations> declarations;

    public MongoIndexCreator(ReactiveMongoTemplate mongo, List<IndexDeclarations> declarations) {
        this.mongo = mongo;
        this.declarations = declarations;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DocumentIndexes> all = declarations.stream()
                .flatMap(declaration -> declaration.indexes().stream())
                .toList();
        Long created = Flux.fromIterable(all)
                .concatMap(document -> Flux.fromIterable(document.indexes())
                        .concatMap(index -> document.operations(mongo).createIndex(index)))
                .count()
                .block(Duration.ofSeconds(30));
        log.info("{} indexes in place on {} document types", created, all.size());
    }
}
