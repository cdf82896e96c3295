package dev.prebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.GenesysSettings;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.SecretRef;
import dev.prebreak.core.config.StateSettings;
import dev.prebreak.core.state.FileStateStore;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.state.StateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.genesys.GenesysClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** prebreak put together from a configuration: the Genesys client, the state store, the audit log, the engine. */
public final class Prebreak implements AutoCloseable {
    private final GenesysClient genesys;
    private final StateStore store;
    private final Engine engine;

    private Prebreak(GenesysClient genesys, StateStore store, Engine engine) {
        this.genesys = genesys;
        this.store = store;
        this.engine = engine;
    }

    /** Reads secrets (env: and file: references) from {@code environment} and builds everything. */
    public static Prebreak assemble(Config config, Map<String, String> environment, Clock clock, AuditLog audit) {
        GenesysClient genesys = client(config.genesys(), new LocalSecrets(environment), clock);
        StateStore store = store(config, clock);
        return new Prebreak(genesys, store, new Engine(config, genesys, store, audit, clock));
    }

    /**
     * The same, for planning: the state store is a snapshot that writes nowhere, so a plan beside a
     * running daemon neither takes its lock nor touches its file.
     */
    public static Prebreak assembleForPlanning(Config config, Map<String, String> environment, Clock clock) {
        GenesysClient genesys = client(config.genesys(), new LocalSecrets(environment), clock);
        StateStore store = config.state().store() == StateSettings.Store.FILE
                ? FileStateStore.snapshot(config.state().file()) : new InMemoryStateStore();
        return new Prebreak(genesys, store, new Engine(config.withDryRun(true), genesys, store, AuditLog.NONE, clock));
    }

    /** The Genesys client alone, secrets read from {@code environment}: for {@code doctor}, which keeps no state. */
    public static GenesysClient genesysClient(Config config, Map<String, String> environment, Clock clock) {
        return client(config.genesys(), new LocalSecrets(environment), clock);
    }

    /** An audit log appending JSON lines to {@code file}, or none. */
    public static AuditLog auditFile(Path file) {
        return file == null ? AuditLog.NONE : new AuditLines(file);
    }

    public Engine engine() {
        return engine;
    }

    public GenesysClient genesys() {
        return genesys;
    }

    private static GenesysClient client(GenesysSettings settings, LocalSecrets secrets, Clock clock) {
        String clientId;
        char[] secret;
        if (settings.credentials().isPresent()) {
            char[] json = secrets.read(settings.credentials().get(), "genesys.credentials");
            try {
                JsonNode node = new ObjectMapper().readTree(new String(json));
                clientId = node.path("clientId").asText("");
                secret = node.path("clientSecret").asText("").toCharArray();
            } catch (IOException e) {
                throw new InvalidConfigException(List.of(new ConfigProblem("genesys.credentials",
                        "the secret is not JSON of the form {\"clientId\": \"...\", \"clientSecret\": \"...\"}")));
            } finally {
                Arrays.fill(json, '\0');
            }
            if (clientId.isEmpty() || secret.length == 0) {
                throw new InvalidConfigException(List.of(new ConfigProblem("genesys.credentials",
                        "the secret lacks clientId or clientSecret")));
            }
        } else {
            SecretRef ref = settings.clientSecret().orElseThrow();
            clientId = settings.clientId().orElseThrow();
            secret = secrets.read(ref, "genesys.clientSecret");
        }
        char[] held = secret;
        return GenesysClient.builder().region(settings.region()).credentials(clientId, held::clone).clock(clock).build();
    }

    private static StateStore store(Config config, Clock clock) {
        switch (config.state().store()) {
            case FILE:
                try {
                    StateDirectory.create(config.state().file());
                    return new FileStateStore(config.state().file(), clock);
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw new InvalidConfigException(List.of(new ConfigProblem("state.file", e.getMessage())));
                }
            case MEMORY:
                return new InMemoryStateStore();
            default:
                throw new InvalidConfigException(List.of(new ConfigProblem("state.store",
                        "dynamodb is for the AWS Lambda; use file (or memory) with the CLI")));
        }
    }

    @Override
    public void close() {
        if (store instanceof AutoCloseable) {
            try {
                ((AutoCloseable) store).close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the state store: " + e.getMessage(), e);
            }
        }
    }
}
