package io.quanzi.community.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.support.CommunityApiTest;
import io.quanzi.platform.test.MongoCommands;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database round trips of a staff scan, counted: in a check-in rush on the embedded server (one command at a
 * time) they decide how many scans a second the door takes. The outbox is off here, so only the scan's own
 * commands are seen; its deliveries are the relay's, measured by the benchmark.
 */
@Import(MongoCommands.Recording.class)
@TestPropertySource(properties = "quanzi.outbox.enabled=false")
class CheckInRoundTripsTest extends CommunityApiTest {

    private static final Set<String> SCAN_COLLECTIONS = Set.of("events", "event_rsvps", "checkins", "checkin_firsts");

    @Autowired
    MongoCommands commands;

    @Test
    void aConfirmedMembersScanReadsTheEventAndTheirPlaceThenWritesTheCheckInAndTheFirstMarker() {
        String event = createEvent(openEvent("store-1", 10, false, 30));
        String member = rsvpd(event);
        String token = checkInToken(event, member);

        List<String> sent = during(() -> scan(token).expectStatus().isCreated());

        assertThat(sent).containsExactly("find events", "find event_rsvps", "insert checkins", "update checkin_firsts");
    }

    @Test
    void aSecondScanIsAnsweredByTheUniqueIndexAndChangesNothing() {
        String event = createEvent(openEvent("store-1", 10, false, 30));
        String member = rsvpd(event);
        scan(checkInToken(event, member)).expectStatus().isCreated();
        String again = checkInToken(event, member);

        List<String> sent = during(() -> scan(again).expectStatus().isEqualTo(409));

        assertThat(sent).containsExactly("find events", "find event_rsvps", "insert checkins", "find checkins");
    }

    /**
     * The commands a scan sends, leaving out the outbox relay's: its sweep (every 200 ms here) and the delivery the
     * scan kicks off run on their own and may reach the server before the scan's answer reaches the test. They are
     * the only commands that name a path into the {@code outbox} array.
     */
    private List<String> during(Runnable scan) {
        return commands.during(
                scan, sent -> SCAN_COLLECTIONS.contains(sent.collection()) && !sent.mentions("\"outbox."));
    }

    private WebTestClient.ResponseSpec scan(String token) {
        return web.mutateWith(staff("staff-store-1", "store-1"))
                .post()
                .uri("/api/checkins")
                .bodyValue(Map.of("token", token, "deviceId", "till-1"))
                .exchange();
    }
}
