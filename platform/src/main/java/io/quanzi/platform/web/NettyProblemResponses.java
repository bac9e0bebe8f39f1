package io.quanzi.platform.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quanzi.platform.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests that HTTP decoding refuses (a request line over the limit: 414; headers over the limit:
 * 431; an unparsable request: 400) are answered by Reactor Netty itself, before any filter runs,
 * with an empty body. This gives those answers the same problem+json body and a request id as
 * every other error.
 */
public final class NettyProblemResponses implements NettyServerCustomizer {

    static final String HANDLER = "quanziProblemResponses";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Rewriter());
            }
        });
    }

    /** Fills the empty body of a decoding-failure response; passes everything else through. */
    @ChannelHandler.Sharable
    static final class Rewriter extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && isBareDecodingFailure(response)) {
                FullHttpResponse withBody = problem(response);
                response.release();
                context.write(withBody, promise);
                return;
            }
            context.write(message, promise);
        }

        static boolean isBareDecodingFailure(FullHttpResponse response) {
            int status = response.status().code();
            return (status == 400 || status == 414 || status == 431)
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                    && response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH, 0) == 0;
        }

        static FullHttpResponse problem(FullHttpResponse bare) {
            int status = bare.status().code();
            String detail =
                    switch (status) {
                        case 414 -> "The request URL is too long.";
                        case 431 -> "The request headers are too large.";
                        default -> "The request is not valid HTTP.";
                    };
            String type = ProblemTypes.forStatus(org.springframework.http.HttpStatusCode.valueOf(status))
                    .toString();
            String body = "{\"type\":\"" + type + "\",\"title\":\""
                    + bare.status().reasonPhrase() + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response =
                    new DefaultFullHttpResponse(bare.protocolVersion(), bare.status(), Unpooled.wrappedBuffer(bytes));
            response.headers().set(bare.headers());
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            response.headers().set(RequestIdFilter.HEADER, UUID.randomUUID().toString());
            return response;
        }
    }
}
