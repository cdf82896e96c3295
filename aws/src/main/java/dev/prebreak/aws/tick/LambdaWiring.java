package dev.prebreak.aws.tick;

import dev.prebreak.aws.audit.AuditTrail;
import dev.prebreak.aws.audit.LoggedAudit;
import dev.prebreak.aws.dynamodb.DynamoDbAuditLog;
import dev.prebreak.aws.dynamodb.DynamoDbStateStore;
import dev.prebreak.aws.metrics.TickMetrics;
import dev.prebreak.aws.sdk.AwsClients;
import dev.prebreak.aws.secrets.CredentialsSecret;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.SecretRef;
import dev.prebreak.core.config.StateSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * Assembles the Lambda's ticks from its environment: the {@code PREBREAK_*} configuration, the AWS
 * clients, the DynamoDB state table and the credentials secret. Nothing here calls a service.
 */
public final class LambdaWiring {
    /** How long the credentials are reused before Secrets Manager is asked again (a rotation is caught sooner: on a refused login). */
    static final Duration SECRET_MAX_AGE = Duration.ofMinutes(15);
    static final String DEFAULT_NAMESPACE = "prebreak";

    private LambdaWiring() {
    }

    public static ScheduledTicks ticks(Map<String, String> environment) {
        return ticks(environment, lambdaConfig(environment));
    }

    /** The ticks of {@code config} (from {@link #lambdaConfig}), with the AWS clients {@code environment} gives. */
    public static ScheduledTicks ticks(Map<String, String> environment, Config config) {
        AwsClients aws = AwsClients.fromEnvironment(environment);
        DynamoDbClient dynamo = aws.dynamoDb();
        String table = config.state().table();
        DynamoDbAuditLog tableAudit = new DynamoDbAuditLog(dynamo, table);
        Clock clock = Clock.systemUTC();
        CredentialsSecret secret = new CredentialsSecret(aws.secretsManager(), config.genesys().credentials().orElseThrow().name(),
                clock, SECRET_MAX_AGE);
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(environment.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", DEFAULT_NAMESPACE));
        return new ScheduledTicks(config, new DynamoDbStateStore(dynamo, table, clock),
                new AuditTrail(List.of(new LoggedAudit(), tableAudit)), tableAudit::flush, secret,
                GatewayFactory.genesys(clock), clock, new TickMetrics(metrics));
    }

    /**
     * The configuration, with what only the Lambda requires: the credentials come from Secrets
     * Manager (never a plain environment variable), and the state lives in DynamoDB (memory would be
     * forgotten between containers, and overlapping invocations would both act).
     */
    public static Config lambdaConfig(Map<String, String> environment) {
        return lambdaChecks(new ConfigLoader(environment).fromEnvironment());
    }

    /**
     * The configuration of YAML text (the SSM parameter's, named {@code source} in messages) with the
     * environment's {@code PREBREAK_*} variables overriding it: the same validation and messages as a
     * file, then the Lambda's own requirements.
     */
    public static Config lambdaConfig(Map<String, String> environment, String yaml, String source) {
        return lambdaChecks(new ConfigLoader(environment).parse(yaml, source));
    }

    private static Config lambdaChecks(Config config) {
        List<ConfigProblem> problems = new ArrayList<>();
        boolean fromSecretsManager = config.genesys().credentials().map(SecretRef::source)
                .filter(s -> s == SecretRef.Source.SECRETSMANAGER).isPresent();
        if (!fromSecretsManager) {
            problems.add(new ConfigProblem("genesys.credentials (PREBREAK_GENESYS_CREDENTIALS)",
                    "on Lambda the credentials must come from Secrets Manager: secretsmanager:<secret name or ARN>"));
        }
        if (config.state().store() != StateSettings.Store.DYNAMODB) {
            problems.add(new ConfigProblem("state.store (PREBREAK_STATE_STORE)", "must be dynamodb on Lambda, got " + config.state().store()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }
}
