/**
 * The version of the marketing consent wording the app shows (i18n key `consent.text`). Change it
 * whenever that wording changes, so each recorded decision names the text the member agreed to.
 */
export const CONSENT_TEXT_VERSION = 'marketing-2026-12';
