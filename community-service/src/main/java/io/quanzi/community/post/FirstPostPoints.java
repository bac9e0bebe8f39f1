package io.quanzi.community.post;

import io.quanzi.community.client.DownstreamFailure;
import io.quanzi.community.client.EarnRequest;
import io.quanzi.community.client.OfferClient;
import io.quanzi.platform.outbox.OutboxEntry;
import io.quanzi.platform.outbox.OutboxHandler;
import io.quanzi.platform.outbox.OutboxSource;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FIRST_POST award, an entry of the post's outbox: sent to offer-service with the idempotency key {@code
 * first-post:{communityId}:{memberId}} until acknowledged; a permanent refusal (such as 409 for the key reused with
 * another body) fails it for good.
 */
@Configuration(proxyBeanMethods = false)
class FirstPostPoints {

    static OutboxEntry entry(String communityId, String brandId, String authorId, String postId, Instant now) {
        return OutboxEntry.of(
                "first-post:" + communityId + ":" + authorId,
                Post.FIRST_POST_POINTS,
                Map.of("memberId", authorId, "brandId", brandId, "sourceRef", "community-post:" + postId),
                now);
    }

    @Bean
    OutboxSource postOutbox() {
        return new OutboxSource(Post.COLLECTION);
    }

    @Bean
    OutboxHandler firstPostPointsHandler(OfferClient offers) {
        return OutboxHandler.of(
                Post.FIRST_POST_POINTS,
                false,
                entry -> DownstreamFailure.outcome(offers.earn(new EarnRequest(
                        entry.key(),
                        entry.text("memberId"),
                        entry.text("brandId"),
                        EarnRequest.Activity.FIRST_POST,
                        entry.text("sourceRef"),
                        null))));
    }
}
