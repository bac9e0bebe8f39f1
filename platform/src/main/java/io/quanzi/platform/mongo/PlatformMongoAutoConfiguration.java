package io.quanzi.platform.mongo;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Index creation in one place for every app with a reactive MongoDB template. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveMongoTemplate.class)
public class PlatformMongoAutoConfiguration {

    @Bean
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    MongoIndexCreator mongoIndexCreator(ReactiveMongoTemplate mongo, ObjectProvider<IndexDeclarations> declarations) {
        List<IndexDeclarations> all = declarations.orderedStream().toList();
        return new MongoIndexCreator(mongo, all);
    }
}
