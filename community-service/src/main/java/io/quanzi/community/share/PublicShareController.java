package io.quanzi.community.share;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A share link's landing data, open to anyone: no token needed (see {@link PublicShareSecurityRules}). */
@RestController
class PublicShareController {

    private final SharePreviews previews;

    PublicShareController(SharePreviews previews) {
        this.previews = previews;
    }

    @GetMapping("/api/public/shares/{code}")
    Mono<PublicShare> preview(@PathVariable String code) {
        return previews.preview(code);
    }
}
