package io.quanzi.offer.coupon;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Records the MongoDB commands the service sends to the collections a claim touches, so that a test can count the
 * round trips of one claim.
 */
@Component
class MongoCommands implements MongoClientSettingsBuilderCustomizer {

    /** The collections a claim reads or writes (offers, its own records, what eligibility reads). */
    private static final Set<String> CLAIM_COLLECTIONS = Set.of(
            "offers",
            "offer_claims",
            "offer_member_slots",
            "offer_stock_buckets",
            "coupons",
            "member_facts",
            "member_tiers",
            "points_accounts",
            "points_entries");

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    @Override
    public void customize(com.mongodb.MongoClientSettings.Builder settings) {
        settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (!recording) {
                    return;
                }
                BsonValue collection = event.getCommand().get(event.getCommandName());
                if (collection != null
                        && collection.isString()
                        && CLAIM_COLLECTIONS.contains(collection.asString().getValue())) {
                    seen.add(
                            event.getCommandName() + " " + collection.asString().getValue());
                }
            }
        });
    }

    /** Runs {@code action} and returns the commands it sent, as "commandName collection", in order. */
    List<String> during(Runnable action) {
        seen.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(seen);
    }
}
