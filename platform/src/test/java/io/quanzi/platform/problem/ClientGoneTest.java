package io.quanzi.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;

/** A failure met after the client hung up is handed back to WebFlux, not answered as a logged 500. */
class ClientGoneTest {

    private final ProblemControllerAdvice advice = new ProblemControllerAdvice(new ProblemMapper());

    @Test
    void aClosedConnectionIsHandedBackUnmapped() {
        AbortedException closed = new AbortedException("Connection has been closed BEFORE send operation");

        assertThatThrownBy(() -> advice.handle(closed, exchange())).isSameAs(closed);
    }

    @Test
    void aFailureAfterTheAnswerStartedIsHandedBackUnmapped() {
        MockServerWebExchange exchange = exchange();
        exchange.getResponse().setComplete().block();
        IllegalStateException late = new IllegalStateException("late");

        assertThatThrownBy(() -> advice.handle(late, exchange)).isSameAs(late);
    }

    @Test
    void anyOtherFailureStillBecomesAProblem() throws Throwable {
        var answer = advice.handle(new IllegalStateException("boom"), exchange());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:quanzi:problem:internal");
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/checkins"));
    }
}
