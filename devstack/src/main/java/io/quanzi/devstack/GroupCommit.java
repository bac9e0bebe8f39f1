package io.quanzi.devstack;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Group commit for the embedded server: one commit of the H2 store for all the writes the server's event loop ran
 * since the last one, and no reply leaves before the commit that covers it.
 *
 * <p>The server runs every command on one event-loop thread. After a write, the commit is queued as a task on that
 * loop, so it runs once the commands of the connections that were ready together have run. Until then every reply
 * (also of a read, which may have seen the uncommitted write) is held in its connection's pipeline, in order, and is
 * sent after the commit. A hard kill therefore still loses nothing a client was told, while a burst of writes pays
 * for one commit instead of one each. If the commit fails, the held connections are closed: their writes were never
 * acknowledged.
 */
final class GroupCommit {

    private static final String HANDLER = "quanzi-group-commit";

    private final Runnable commit;
    private final List<HeldReplies> held = new ArrayList<>();
    private boolean uncommitted;
    private boolean scheduled;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Called on the event loop after each command, before its reply is written. */
    void afterCommand(Channel channel, boolean wrote) {
        if (!channel.eventLoop().inEventLoop()) {
            // Not the server's loop (never seen): commit at once rather than reason about threads.
            if (wrote) {
                commit.run();
            }
            return;
        }
        uncommitted |= wrote;
        if (!uncommitted) {
            return;
        }
        HeldReplies replies = repliesOf(channel);
        if (!replies.holding) {
            replies.holding = true;
            held.add(replies);
        }
        if (!scheduled) {
            scheduled = true;
            channel.eventLoop().execute(this::commitAndRelease);
        }
    }

    private void commitAndRelease() {
        scheduled = false;
        uncommitted = false;
        List<HeldReplies> waiting = new ArrayList<>(held);
        held.clear();
        try {
            commit.run();
        } catch (RuntimeException failed) {
            waiting.forEach(HeldReplies::abandon);
            throw failed;
        }
        waiting.forEach(HeldReplies::release);
    }

    private static HeldReplies repliesOf(Channel channel) {
        HeldReplies replies = channel.pipeline().get(HeldReplies.class);
        if (replies == null) {
            replies = new HeldReplies();
            // First in the pipeline: it holds the encoded bytes of each reply, just before the socket.
            channel.pipeline().addFirst(HANDLER, replies);
        }
        return replies;
    }

    /** One connection's replies, held while a commit they depend on is pending. */
    private static final class HeldReplies extends ChannelOutboundHandlerAdapter {

        private record Pending(Object message, ChannelPromise promise) {}

        private final Queue<Pending> pending = new ArrayDeque<>();
        private ChannelHandlerContext context;
        private boolean holding;
        private boolean flushWanted;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.context = ctx;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (holding) {
                pending.add(new Pending(msg, promise));
            } else {
                ctx.write(msg, promise);
            }
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            if (holding) {
                flushWanted = true;
            } else {
                ctx.flush();
            }
        }

        void release() {
            holding = false;
            for (Pending reply = pending.poll(); reply != null; reply = pending.poll()) {
                context.write(reply.message(), reply.promise());
            }
            if (flushWanted) {
                flushWanted = false;
                context.flush();
            }
        }

        void abandon() {
            holding = false;
            flushWanted = false;
            discardPending();
            context.close();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            discardPending();
        }

        private void discardPending() {
            for (Pending reply = pending.poll(); reply != null; reply = pending.poll()) {
                ReferenceCountUtil.release(reply.message());
                reply.promise().tryFailure(new IOException("not committed"));
            }
        }
    }
}
