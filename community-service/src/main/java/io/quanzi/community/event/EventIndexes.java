package io.quanzi.community.event;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Creates the event and RSVP indexes before the app serves requests: one RSVP per member and event. */
@Component
class EventIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    EventIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(Rsvp.class)
                                .createIndex(new Index()
                                        .on(Rsvp.EVENT_ID, Sort.Direction.ASC)
                                        .on(Rsvp.MEMBER_ID, Sort.Direction.ASC)
                                        .unique()
                                        .named("event_member_unique")),
                        mongo.indexOps(Rsvp.class)
                                .createIndex(new Index()
                                        .on(Rsvp.EVENT_ID, Sort.Direction.ASC)
                                        .on(Rsvp.STATUS, Sort.Direction.ASC)
                                        .on(Rsvp.WAITLIST_SEQ, Sort.Direction.ASC)
                                        .named("event_status_seq")),
                        mongo.indexOps(Rsvp.class)
                                .createIndex(new Index()
                                        .on(Rsvp.MEMBER_ID, Sort.Direction.ASC)
                                        .named("member")),
                        mongo.indexOps(Event.class)
                                .createIndex(new Index()
                                        .on(Event.BRAND_ID, Sort.Direction.ASC)
                                        .on(Event.STARTS_AT, Sort.Direction.ASC)
                                        .named("brand_starts")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
