package io.quanzi.community.community;

/** What a community is for; {@link #CORE_GROUP} is the brand's invitation-only core-fan group. */
public enum CommunityKind {
    CLUB,
    INTEREST_CIRCLE,
    CITY_CHAPTER,
    CORE_GROUP
}
