package io.quanzi.platform.privacy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The member data export and erasure for every app that declares its {@link ErasurePolicy}. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveMongoTemplate.class)
public class PlatformPrivacyAutoConfiguration {

    @Bean
    @ConditionalOnBean({ReactiveMongoTemplate.class, ErasurePolicy.class})
    MemberDataStore memberDataStore(ReactiveMongoTemplate mongo, ErasurePolicy policy) {
        return new MemberDataStore(mongo, policy);
    }

    @Bean
    @ConditionalOnBean(MemberDataStore.class)
    @ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
    MemberDataController internalMemberDataController(MemberDataStore store) {
        return new MemberDataController(store);
    }
}
