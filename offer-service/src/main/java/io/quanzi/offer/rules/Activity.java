package io.quanzi.offer.rules;

/** Community activities that earn points, each worth a per-brand number of points. */
public enum Activity {
    CLUB_JOIN,
    CHECK_IN,
    FIRST_POST,
    REFERRAL_REFERRER,
    REFERRAL_REFEREE
}
