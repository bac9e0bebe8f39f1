package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanzi.offer.support.OfferTestSupport;
import io.quanzi.platform.test.MongoCommands;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.web.ErrorResponseException;

/**
 * The database commands one earning sends, counted by a driver command listener ({@link MongoCommands}): the embedded server runs
 * every command on one thread, so the round trips of an earning are what its throughput is made of. A change that
 * adds one fails here and has to say why.
 */
@Import(MongoCommands.Recording.class)
class PointsRoundTripsTest extends OfferTestSupport {

    @Autowired
    MongoCommands commands;

    @Autowired
    PointsLedger ledger;

    @BeforeEach
    void brandRulesRead() {
        // The brand's rules are cached for seconds: read them once, as any earning before this one did.
        earn(newId("other"), brand, "CHECK_IN", null, newKey());
    }

    @Test
    void firstEarningOfANewMemberTakesFiveRoundTrips() {
        List<String> sent = during(() -> earn(memberId, brand, "CHECK_IN", null, newKey()));

        assertThat(sent)
                .as("read the tier, insert the entry, create-and-apply the account, settle, create the tier record")
                .hasSize(5);
        assertThat(balance(memberId, brand)).isEqualTo(50);
    }

    @Test
    void earningOfAMemberWhoseTierCannotChangeTakesFourRoundTrips() {
        earn(memberId, brand, "CHECK_IN", null, newKey());

        List<String> sent = during(() -> earn(memberId, brand, "CHECK_IN", null, newKey()));

        assertThat(sent)
                .as("read the tier, insert the entry, apply to the account, settle")
                .hasSize(4);
        assertThat(balance(memberId, brand)).isEqualTo(100);
    }

    @Test
    void repeatedEarningChangesNothing() {
        String key = newKey();
        Map<String, Object> first = earn(memberId, brand, "CHECK_IN", null, key);

        List<String> sent = during(() -> earn(memberId, brand, "CHECK_IN", null, key));

        assertThat(sent).noneMatch(command -> command.startsWith("update") || command.startsWith("findAndModify"));
        assertThat(balance(memberId, brand)).isEqualTo(((Number) first.get("balance")).longValue());
    }

    @Test
    void reversalTakesSixRoundTrips() {
        String key = newKey();
        earn(memberId, brand, "CHECK_IN", null, key);

        List<String> sent = during(() -> web.mutateWith(service("community-service"))
                .post()
                .uri("/internal/points/reverse")
                .bodyValue(Map.of(
                        "idempotencyKey", newKey(),
                        "memberId", memberId,
                        "brandId", brand,
                        "reversesKey", key,
                        "reason", "post removed"))
                .exchange()
                .expectStatus()
                .isCreated());

        assertThat(sent)
                .as("look the key up, find the earning, insert, claim the earning, apply, settle")
                .hasSize(6);
        assertThat(balance(memberId, brand)).isZero();
    }

    @Test
    void spendTakesThreeRoundTrips() {
        earn(memberId, brand, "CHECK_IN", null, newKey());

        List<String> sent = during(
                () -> ledger.spend(memberId, brand, 20, newKey(), "coupon:1").block());

        assertThat(sent).as("insert the entry, apply to the account, settle").hasSize(3);
        assertThat(balance(memberId, brand)).isEqualTo(30);
    }

    @Test
    void spendBeyondTheBalanceIsRefusedInFourRoundTrips() {
        earn(memberId, brand, "CHECK_IN", null, newKey());

        List<String> sent = during(() -> assertThatThrownBy(() ->
                        ledger.spend(memberId, brand, 80, newKey(), "coupon:2").block())
                .isInstanceOf(ErrorResponseException.class));

        assertThat(sent)
                .as("insert the entry, try to apply, record the refusal, settle")
                .hasSize(4);
        assertThat(balance(memberId, brand)).isEqualTo(50);
    }

    private List<String> during(Runnable earning) {
        List<String> sent = commands.during(earning);
        System.out.println("Commands of one earning: " + sent);
        return sent;
    }

    private static String newKey() {
        return newId("key");
    }
}
