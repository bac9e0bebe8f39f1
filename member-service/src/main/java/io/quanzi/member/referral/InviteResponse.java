package io.quanzi.member.referral;

import io.quanzi.member.system.QrCodes;

/** A member's invite for one brand: the code, the link to share and a QR code of the link. */
record InviteResponse(String brandId, String code, String link, String qrSvgDataUrl) {

    static InviteResponse of(Invite invite, String linkBase) {
        String link = linkBase + invite.code();
        return new InviteResponse(invite.brandId(), invite.code(), link, QrCodes.svgDataUrl(link));
    }
}
