package io.quanzi.member.referral;

import io.quanzi.member.brand.PublicBrand;

/**
 * What an invite link shows to anyone who opens it, signed in or not: the brand and the inviter's
 * display name (null when the inviter has no profile). Never a member id or any other member data.
 */
record InvitePreview(String code, PublicBrand brand, String inviterDisplayName) {}
