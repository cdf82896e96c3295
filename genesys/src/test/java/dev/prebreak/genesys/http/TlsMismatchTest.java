package dev.prebreak.genesys.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.genesys.GenesysClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code https://} pointed at a plain-HTTP port: one attempt, then a message that names the mismatch.
 * Before, each of six attempts waited out the connect timeout (which covers the handshake) and the
 * error said only "HTTP connect timed out".
 */
class TlsMismatchTest {

    @Test
    void aPlainHttpServerThatWaitsForARequestLineIsNamedAsNotHttps() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = silent.accept();
                        connections.incrementAndGet();
                        Thread reader = new Thread(() -> drain(s)); // reads the ClientHello, never answers
                        reader.setDaemon(true);
                        reader.start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            GenesysClient client = GenesysClient.builder().region("https://127.0.0.1:" + silent.getLocalPort())
                    .credentials("client", "secret-never-shown").connectTimeout(Duration.ofMillis(500)).build();

            assertThatThrownBy(client::presenceDefinitions).isInstanceOf(GatewayException.class)
                    .hasMessageContaining("TLS handshake failed").hasMessageContaining("is this an https endpoint?")
                    .hasMessageNotContaining("secret-never-shown");
            // The attempt itself and the plain TCP probe that tells a handshake from a network failure.
            assertThat(connections.get()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aPlainHttpServerThatAnswersTheHandshakeWithHttpIsNamedAsNotHttps() throws Exception {
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        plain.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        plain.start();
        try {
            GenesysClient client = GenesysClient.builder().region("https://127.0.0.1:" + plain.getAddress().getPort())
                    .credentials("client", "secret-never-shown").connectTimeout(Duration.ofMillis(500)).build();

            assertThatThrownBy(client::presenceDefinitions).isInstanceOf(GatewayException.class)
                    .hasMessageContaining("TLS handshake failed").hasMessageContaining("is this an https endpoint");
        } finally {
            plain.stop(0);
        }
    }

    private static void drain(Socket s) {
        try (s; InputStream in = s.getInputStream()) {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // closed
        }
    }
}
