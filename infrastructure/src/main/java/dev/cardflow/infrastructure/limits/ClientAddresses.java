package dev.cardflow.infrastructure.limits;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Who the client of a request is: the direct peer, unless that peer is one of our trusted proxies;
 * then the right-most address of {@code X-Forwarded-For} that is not a trusted proxy. A header from
 * any other peer is ignored, so nobody can choose their own address.
 */
public class ClientAddresses {

    static final String UNKNOWN = "unknown";
    private static final int MAX_HOPS = 32;

    /** One trusted address or network. */
    private record Network(byte[] address, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            String host = literal(parts[0]);
            if (host == null) {
                throw new IllegalArgumentException("cardflow.trusted-proxies: not an address or CIDR: " + cidr);
            }
            byte[] bytes = bytes(host);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("cardflow.trusted-proxies: bad prefix in " + cidr);
            }
            return new Network(bytes, prefix);
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int mask = prefix - bit >= 8 ? 0xFF : (0xFF << (8 - (prefix - bit))) & 0xFF;
                if ((candidate[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Network::parse).toList();
    }

    /** The client's address as text, or {@code unknown} when the connection tells nothing. */
    public String clientOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        String client = remote.getAddress().getHostAddress();
        if (!isTrusted(client)) {
            return client;
        }
        List<String> forwarded = request.getHeaders().getOrDefault("X-Forwarded-For", List.of());
        List<String> hops = forwarded.stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                .map(String::strip)
                .toList();
        // right to left: each trusted proxy vouches for the hop before it; the first one we do not
        // trust is the client (anything further left it could have written itself)
        int seen = 0;
        for (int i = hops.size() - 1; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            String hop = literal(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
    public boolean isTrusted(String address) {
        String host = literal(address);
        if (host == null) {
            return false;
        }
        byte[] bytes = bytes(host);
        return trusted.stream().anyMatch(network -> network.contains(bytes));
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** The canonical text of an IP literal, or null for anything else (never a DNS lookup). */
    static String literal(String candidate) {
        String s = candidate;
        if (s.startsWith("[") && s.contains("]")) {
            s = s.substring(1, s.indexOf(']'));
        } else if (s.chars().filter(c -> c == ':').count() == 1) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        if (s.isEmpty() || s.length() > 45 || !s.matches("[0-9A-Fa-f:.]+") || !(s.contains(".") || s.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
