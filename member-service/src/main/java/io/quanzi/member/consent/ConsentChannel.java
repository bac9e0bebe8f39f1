package io.quanzi.member.consent;

/** How a consent decision was given. */
enum ConsentChannel {
    APP,
    WEB,
    IN_STORE,
    EMAIL
}
