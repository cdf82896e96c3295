package dev.prebreak.genesys.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Tells a TLS handshake that failed from a network that failed, so that {@code https://} pointed at a
 * plain-HTTP port (the simulator, a proxy) fails at once with a message that says so, instead of being
 * retried as a connect timeout for a minute. The JDK's connect timeout covers the handshake too, and a
 * plain-HTTP server silently waits for a request line that a TLS ClientHello never completes.
 */
final class TlsMismatch {
    private static final int PROBE_MILLIS = 2000;

    private TlsMismatch() {
    }

    /** Why the handshake failed, if that is what {@code e} was; empty for a network failure. */
    static Optional<String> diagnose(URI uri, IOException e) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        String where = uri.getHost() + ":" + port(uri);
        if (e instanceof SSLException || e.getCause() instanceof SSLException) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of("TLS handshake failed with " + where + " (" + detail + "): is this an https endpoint,"
                    + " with a certificate this machine trusts? (genesys.region)");
        }
        if (e instanceof HttpConnectTimeoutException && tcpConnects(uri.getHost(), port(uri))) {
            return Optional.of("TLS handshake failed with " + where + ": it accepts connections but did not answer the"
                    + " handshake: is this an https endpoint? (genesys.region; a local simulator is http://)");
        }
        return Optional.empty();
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? 443 : uri.getPort();
    }

    /** Whether a plain TCP connection opens quickly: then the timeout was the handshake's, not the network's. */
    private static boolean tcpConnects(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
            return true;
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }
}
