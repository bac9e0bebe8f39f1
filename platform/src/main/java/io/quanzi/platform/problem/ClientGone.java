package io.quanzi.platform.problem;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

/** Whether a failure can no longer be answered: the response is already under way, or the client has hung up. */
final class ClientGone {

    private ClientGone() {}

    static boolean during(ServerWebExchange exchange, Throwable failure) {
        return exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(failure);
    }
}
