package io.quanzi.community.post;

import io.quanzi.platform.security.Caller;
import io.quanzi.platform.web.Ids;
import java.util.List;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The moderation queue: the brand's reported posts, for its admins and its communities' moderators. */
@RestController
@RequestMapping("/api/communities/moderation")
class ModerationController {

    private final ModerationQueue queue;

    ModerationController(ModerationQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/brands/{brandId}/reports")
    Mono<List<ReportedPost>> reports(
            JwtAuthenticationToken auth,
            @PathVariable String brandId,
            @RequestParam(required = false) Boolean hidden,
            @RequestParam(defaultValue = "50") int limit) {
        return queue.reported(Caller.of(auth), Ids.requireId("brandId", brandId), hidden, limit);
    }
}
