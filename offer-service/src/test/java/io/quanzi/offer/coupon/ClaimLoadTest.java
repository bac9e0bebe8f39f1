package io.quanzi.offer.coupon;

import io.quanzi.offer.support.OfferServiceTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Claims under load, in a context of their own: one claim writes at a time, two may wait (three seconds at most), and
 * offer terms stay cached for the whole test, so that what a test counts or holds does not depend on the machine's
 * speed.
 */
@TestPropertySource(
        properties = {
            "quanzi.coupons.max-concurrent-claims=1",
            "quanzi.coupons.max-queued-claims=2",
            "quanzi.coupons.claim-wait=3s",
            "quanzi.offers.terms-cache-ttl=1h"
        })
abstract class ClaimLoadTest extends OfferServiceTest {}
