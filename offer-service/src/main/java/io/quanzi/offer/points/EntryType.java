package io.quanzi.offer.points;

/** What a ledger entry does to an account. */
enum EntryType {
    /** Points earned for an activity or a purchase: a new earning batch that expires. */
    EARN,
    /** Points paid for a reward; needs enough balance. */
    SPEND,
    /** Takes back a whole earning (refund, clawback); may leave the balance negative. */
    REVERSE,
    /** Gives back the points of a spend (the reward was refunded). */
    REFUND,
    /** Points whose earning batch reached its expiry date, oldest batch first. */
    EXPIRE,
    /** A brand admin's manual correction, up or down, with a mandatory reason. */
    ADJUST
}
