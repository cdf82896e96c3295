package dev.prebreak.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.aws.config.ConfiguredTicks;
import dev.prebreak.aws.logging.JulBridge;
import dev.prebreak.aws.tick.ScheduledTicks;
import dev.prebreak.aws.tick.TickRequest;
import dev.prebreak.aws.tick.TickSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda entry point, invoked by EventBridge Scheduler: one engine tick per invocation.
 * Handler string: {@value #HANDLER}.
 *
 * <p>Nothing is built at class load or construction: no AWS client, no secret, no Genesys token. The
 * first invocation builds the container's {@link ScheduledTicks} and later ones reuse it. With SnapStart
 * the snapshot is taken before that, so it holds no credentials.
 *
 * <p>A failed tick throws, so Lambda reports an error (retries, dead-letter queue, alarm). A successful
 * one answers with a {@link TickSummary} as JSON.
 */
public final class TickHandler implements RequestStreamHandler {
    public static final String HANDLER = "dev.prebreak.aws.TickHandler::handleRequest";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JulBridge.install();
    }

    /**
     * The container's ticks, of the configuration in force (the environment, or the SSM parameter
     * {@code PREBREAK_CONFIG} names, re-read every minute); Lambda keeps one handler per container,
     * tests make their own.
     */
    private static final class Container {
        private static ConfiguredTicks ticks;

        static synchronized ScheduledTicks ticks() {
            if (ticks == null) {
                ticks = ConfiguredTicks.fromEnvironment(System.getenv());
            }
            return ticks.get();
        }
    }

    private final Supplier<ScheduledTicks> ticks;

    /** Used by Lambda. */
    public TickHandler() {
        this(Container::ticks);
    }

    TickHandler(Supplier<ScheduledTicks> ticks) {
        this.ticks = ticks;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] payload = input.readAllBytes();
        TickSummary summary = PowertoolsLogging.withLogging(context, () -> ticks.get()
                .run(TickRequest.parse(payload), Duration.ofMillis(context.getRemainingTimeInMillis())));
        output.write(JSON.writeValueAsBytes(summary));
    }
}
