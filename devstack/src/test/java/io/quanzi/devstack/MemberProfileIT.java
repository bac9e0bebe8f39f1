package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningStack.class)
class MemberProfileIT {

    @Test
    void concurrentFirstCallsCreateExactlyOneProfile() {
        Stack stack = RunningStack.stack();
        String token = new Keycloak(stack).userToken("bob");
        Api gateway = new Api(stack.gatewayUrl());

        var pool = Executors.newFixedThreadPool(16);
        List<Http.Reply> replies;
        try {
            List<CompletableFuture<Http.Reply>> calls = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> gateway.get("/api/members/me", token), pool))
                    .toList();
            replies = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        assertThat(replies.stream()
                        .map(reply -> reply.json().get("id").asString())
                        .distinct())
                .as("one profile id for all concurrent first calls")
                .hasSize(1);
    }
}
