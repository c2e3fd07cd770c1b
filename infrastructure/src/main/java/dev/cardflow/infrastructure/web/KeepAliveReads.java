package dev.cardflow.infrastructure.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServer;

/**
 * Keeps an HTTP/1.1 keep-alive connection reading after each answer, working around
 * reactor-netty issue #4361 (fix proposed in reactor-netty PR #4347, not released for the 1.2 line).
 *
 * <p>When a request arrives before the previous answer on the same connection is finished (a
 * static file streamed with a Content-Length: the client has the whole body and sends its next
 * request before the server has written the answer's end), reactor-netty queues it. If that queued
 * request is then answered at once, before its own end-of-request is taken from the queue, the
 * queue drains without anyone asking the socket for more: the connection never reads again and the
 * client's next request waits forever. Browsers load scripts and then call the API on the same
 * connections.
 *
 * <p>reactor-netty signals the end of each answer with an internal event; after it has done its
 * own work (draining the queue), we ask the socket to read once more unless a request is still being
 * answered. A read already pending makes this a no-op, so the only effect is on the connection that
 * would otherwise hang (the upstream fix re-arms the read at the same point, under the same condition).
 * Remove when the reactor-netty in use contains the fix for #4361 (and {@code KeepAliveConnectionsIT}
 * passes without this).
 */
public final class KeepAliveReads {

    static final String HANDLER_NAME = "cardflow.keepAliveReads";

    /** reactor-netty's (package-private) "this request's operations are over" event, since 1.2.18. */
    static final String TERMINATED_EVENT = "reactor.netty.http.server.HttpServerOperationsTerminatedEvent";

    private KeepAliveReads() {
    }

    /** Adds the read-resuming handler behind reactor-netty's HTTP/1.1 traffic handler of every connection. */
    public static NettyServerCustomizer customizer() {
        return KeepAliveReads::install;
    }

    static HttpServer install(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // Only HTTP/1.1 pipelines have the traffic handler (and the queue) at this point.
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpTrafficHandler, HANDLER_NAME, ResumeReadAfterAnswer.INSTANCE);
            }
        });
    }

    /** After each answer's end has gone through reactor-netty's traffic handler, requests one more read. */
    @ChannelHandler.Sharable
    static final class ResumeReadAfterAnswer extends ChannelInboundHandlerAdapter {

        static final ResumeReadAfterAnswer INSTANCE = new ResumeReadAfterAnswer();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (TERMINATED_EVENT.equals(event.getClass().getName())) {
                // Queued behind the traffic handler's own drain task, so it runs once that is done. A request
                // still being answered re-arms the read itself when it ends (and this runs again then).
                ctx.executor().execute(() -> {
                    if (ctx.channel().isActive() && ChannelOperations.get(ctx.channel()) == null) {
                        ctx.read();
                    }
                });
            }
            ctx.fireUserEventTriggered(event);
        }
    }
}
