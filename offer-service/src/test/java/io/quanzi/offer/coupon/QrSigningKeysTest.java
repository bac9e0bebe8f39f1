package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.quanzi.offer.support.OfferServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class QrSigningKeysTest extends OfferServiceTest {

    @Autowired
    QrSigningKeys keys;

    @Test
    void aRestartKeepsTheStoredKeySoEarlierTokensStillVerify() {
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer());
        String token = qrToken(member, couponId);

        QrSigningKeys firstRestart = new QrSigningKeys(mongo, clock, "", Duration.ofDays(90));
        firstRestart.run(null);
        QrSigningKeys secondRestart = new QrSigningKeys(mongo, clock, "", Duration.ofDays(90));
        secondRestart.run(null);

        assertThat(secondRestart.signingKey().getKeyID())
                .isEqualTo(firstRestart.signingKey().getKeyID());
        assertThat(new QrTokens(secondRestart, clock, Duration.ofSeconds(45))
                        .verify(token)
                        .block()
                        .couponId())
                .isEqualTo(couponId);
    }

    @Test
    void aKeyPastItsAgeIsReplacedAndStaysPublishedForTokensSignedBefore() {
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer());
        String oldToken = qrToken(member, couponId);
        String oldKeyId = keys.signingKey().getKeyID();

        QrSigningKeys rotated = new QrSigningKeys(mongo, clock, "", Duration.ZERO);
        rotated.run(null);

        assertThat(rotated.signingKey().getKeyID()).isNotEqualTo(oldKeyId);
        assertThat(new QrTokens(rotated, clock, Duration.ofSeconds(45))
                        .verify(oldToken)
                        .block()
                        .couponId())
                .isEqualTo(couponId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published =
                (List<Map<String, Object>>) rotated.jwks().block().get("keys");
        assertThat(published)
                .extracting(key -> key.get("kid"))
                .contains(oldKeyId, rotated.signingKey().getKeyID());
        assertThat(published).allSatisfy(key -> assertThat(key).doesNotContainKey("d"));
    }

    @Test
    void aConfiguredKeyIsUsedAsIs() throws Exception {
        ECKey configured = new ECKeyGenerator(Curve.P_256).keyID("from-vault-1").generate();

        QrSigningKeys fromConfig = new QrSigningKeys(mongo, clock, configured.toJSONString(), Duration.ofDays(90));
        fromConfig.run(null);

        assertThat(fromConfig.signingKey().getKeyID()).isEqualTo("from-vault-1");
    }
}
