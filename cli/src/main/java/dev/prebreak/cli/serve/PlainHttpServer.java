package dev.prebreak.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Just enough HTTP/1.1 for a few small read-only routes: one request per connection, answered on a
 * small pool of its own threads, with a time limit on receiving the request and on sending the answer.
 * A client that sends half a request (or nothing, or never reads) holds one thread for at most that
 * limit and never the others. The JDK's HttpServer has no such limit per server (only JVM-wide system
 * properties, read once by whichever server starts first), so this one does it itself.
 */
final class PlainHttpServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger(PlainHttpServer.class.getName());
    /** Health probes and browsers send far less; anything longer is not meant for this server. */
    private static final int MAX_HEAD_BYTES = 8 * 1024;

    /**
     * What a read-only route needs of a request: its request line and its header fields.
     *
     * @param headers header fields by lowercase name; of a field sent twice, the last
     */
    record Request(String method, String target, Map<String, String> headers) {
        Request {
            headers = Map.copyOf(headers);
        }

        Request(String method, String target) {
            this(method, target, Map.of());
        }

        /** The target without its query. */
        String path() {
            int query = target.indexOf('?');
            return query >= 0 ? target.substring(0, query) : target;
        }

        /** The query, without the '?'; empty when there is none. */
        String query() {
            int query = target.indexOf('?');
            return query >= 0 ? target.substring(query + 1) : "";
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** An answer, with its media type and any extra headers (such as Allow). */
    record Response(int status, byte[] body, String contentType, Map<String, String> headers) {
        static final String JSON = "application/json";

        Response {
            headers = Map.copyOf(headers);
        }

        /** A JSON answer. */
        Response(int status, byte[] json, Map<String, String> headers) {
            this(status, json, JSON, headers);
        }
    }

    private final ServerSocket socket;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final Thread acceptor;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Function<Request, Response> routes;
    private final Function<String, byte[]> errorBody;
    private volatile boolean closed;

    /**
     * @param threads how many requests are answered at once; more wait in a short queue
     * @param readTimeout how long a client may take to send its request
     * @param routes the answer to a complete request
     * @param errorBody the JSON body of an error this server answers by itself, from its message
     */
    PlainHttpServer(String bind, int port, int threads, Duration readTimeout, Function<Request, Response> routes,
                    Function<String, byte[]> errorBody) throws IOException {
        this.readTimeout = readTimeout;
        this.writeTimeout = readTimeout.multipliedBy(5);
        this.routes = routes;
        this.errorBody = errorBody;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bind, port), 50);
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(32),
                named("prebreak-status-"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("prebreak-status-watchdog-"));
        timer.setRemoveOnCancelPolicy(true);
        watchdog = timer;
        acceptor = named("prebreak-status-accept-").newThread(this::accept);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "status server: cannot accept a connection: " + e.getMessage());
                }
                continue;
            }
            try {
                workers.execute(() -> answer(connection));
            } catch (RejectedExecutionException e) { // every thread busy and the queue full: shed, never block accepting
                closeQuietly(connection);
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            Response response;
            Request request = null;
            try {
                request = read(connection);
                response = routes.apply(request);
            } catch (SocketTimeoutException e) {
                response = error(408, "the request did not arrive within " + ClockStep.amount(readTimeout));
            } catch (BadRequest e) {
                response = error(e.status, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "status server: answering " + request + " failed", e);
                response = error(500, "answering failed; the daemon's log says why"); // the log, not the client, gets the details
            }
            // A client that never reads must not hold the thread either: close it after a while.
            ScheduledFuture<?> cutOff;
            try {
                cutOff = watchdog.schedule(() -> closeQuietly(connection), writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return; // the server is closing (a browser's refresh arrived just then): the connection closes unanswered
            }
            try {
                write(connection.getOutputStream(), response, request != null && request.method().equals("HEAD"));
            } finally {
                cutOff.cancel(false);
            }
        } catch (IOException e) {
            // The client went away or was cut off; nothing to answer.
        }
    }

    /** Reads the request head within the read timeout, however slowly it trickles in. */
    private Request read(Socket connection) throws IOException {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        InputStream in = connection.getInputStream();
        byte[] head = new byte[MAX_HEAD_BYTES];
        int length = 0;
        while (!endsHead(head, length)) {
            if (length == head.length) {
                throw new BadRequest(431, "the request head is longer than " + MAX_HEAD_BYTES + " bytes");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            connection.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            int n = in.read(head, length, head.length - length);
            if (n < 0) {
                throw new BadRequest(400, "the connection closed before the request was complete");
            }
            length += n;
        }
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        // Up to the blank line: a body sent after the head is not header fields.
        String[] lines = text.split("\r?\n\r?\n", 2)[0].split("\r?\n");
        String line = lines[0].strip();
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            throw new BadRequest(400, "not an HTTP request line: " + shorten(line));
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Request(parts[0], parts[1], headers);
    }

    private static boolean endsHead(byte[] b, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (b[i] == '\n' && (b[i + 1] == '\n' || (b[i + 1] == '\r' && i + 2 < length && b[i + 2] == '\n'))) {
                return true;
            }
        }
        return false;
    }

    private void write(OutputStream out, Response response, boolean headOnly) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status()))
                .append("\r\nContent-Type: ").append(response.contentType()).append("\r\nContent-Length: ").append(response.body().length)
                .append("\r\nCache-Control: no-store\r\nConnection: close\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            out.write(response.body());
        }
        out.flush();
    }

    private Response error(int status, String message) {
        return new Response(status, errorBody.apply(message), Map.of());
    }

    static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 431: return "Request Header Fields Too Large";
            case 503: return "Service Unavailable";
            default: return "Internal Server Error";
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive after the daemon has stopped
            return t;
        };
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        workers.shutdownNow();
        watchdog.shutdownNow();
    }

    /** A request this server answers itself, with an error status. */
    private static final class BadRequest extends IOException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
