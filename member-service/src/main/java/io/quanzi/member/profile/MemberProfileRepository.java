package io.quanzi.member.profile;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

interface MemberProfileRepository extends ReactiveMongoRepository<MemberProfile, String> {

    Mono<MemberProfile> findBySubject(String subject);
}
