package io.quanzi.community.event;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the event and RSVP indexes before the app serves requests: one RSVP per member and event. */
@Component
class EventIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        Rsvp.class,
                        new Index()
                                .on(Rsvp.EVENT_ID, Sort.Direction.ASC)
                                .on(Rsvp.MEMBER_ID, Sort.Direction.ASC)
                                .unique()
                                .named("event_member_unique")),
                DocumentIndexes.of(
                        Rsvp.class,
                        new Index()
                                .on(Rsvp.EVENT_ID, Sort.Direction.ASC)
                                .on(Rsvp.STATUS, Sort.Direction.ASC)
                                .on(Rsvp.WAITLIST_SEQ, Sort.Direction.ASC)
                                .named("event_status_seq")),
                DocumentIndexes.of(
                        Rsvp.class,
                        new Index().on(Rsvp.MEMBER_ID, Sort.Direction.ASC).named("member")),
                DocumentIndexes.of(
                        Event.class,
                        new Index()
                                .on(Event.BRAND_ID, Sort.Direction.ASC)
                                .on(Event.STARTS_AT, Sort.Direction.ASC)
                                .named("brand_starts")));
    }
}
