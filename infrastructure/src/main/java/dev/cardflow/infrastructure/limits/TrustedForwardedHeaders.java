package dev.cardflow.infrastructure.limits;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code server.forward-headers-strategy=framework} with our rule: forwarded headers are applied
 * only from a trusted proxy (and dropped from anyone else), and the remote address becomes the
 * client {@link ClientAddresses} names, a real address rather than Spring's unresolved one.
 */
class TrustedForwardedHeaders extends ForwardedHeaderTransformer {

    private final ClientAddresses addresses;
    private final ForwardedHeaderTransformer dropOnly = new ForwardedHeaderTransformer();

    TrustedForwardedHeaders(ClientAddresses addresses) {
        this.addresses = addresses;
        dropOnly.setRemoveOnly(true);
    }

    @Override
    public ServerHttpRequest apply(ServerHttpRequest request) {
        String client = addresses.clientOf(request);
        InetSocketAddress peer = request.getRemoteAddress();
        boolean trustedPeer = peer != null && peer.getAddress() != null
                && addresses.isTrusted(peer.getAddress().getHostAddress());
        ServerHttpRequest applied = trustedPeer ? super.apply(request) : dropOnly.apply(request);
        if (ClientAddresses.UNKNOWN.equals(client)) {
            return applied;
        }
        try {
            InetSocketAddress resolved = new InetSocketAddress(InetAddress.getByName(client), 0);
            return applied.mutate().remoteAddress(resolved).build();
        } catch (UnknownHostException e) {
            return applied;
        }
    }
}
