package io.quanzi.member.referral;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An invite link's landing data, open to anyone: no token needed (see {@link PublicInviteSecurityRules}). */
@RestController
class PublicInviteController {

    private final InvitePreviews previews;

    PublicInviteController(InvitePreviews previews) {
        this.previews = previews;
    }

    @GetMapping("/api/public/invites/{code}")
    Mono<InvitePreview> preview(@PathVariable String code) {
        return previews.preview(code);
    }
}
