package dev.prebreak.aws.sdk;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS SDK clients of the Lambda, built for a fast cold start: the JDK's URL connection as HTTP
 * client (no Apache, no Netty), the region and credentials Lambda puts in the environment (no
 * provider chain probing files or the instance metadata service). Building them calls nothing;
 * the first request does. The SDK reads {@code AWS_ENDPOINT_URL_DYNAMODB},
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} and {@code AWS_ENDPOINT_URL_SSM} itself, which is how tests point it at local stand-ins.
 */
public final class AwsClients {
    /**
     * Every IAM action the function's code performs, and so all its role needs besides writing its
     * own logs: the state store's Query/PutItem/DeleteItem, the audit log's BatchWriteItem, the
     * credentials' GetSecretValue, the configuration parameter's GetParameter. The templates grant
     * exactly these (a parity test checks).
     */
    public static final List<String> IAM_ACTIONS = List.of("dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "secretsmanager:GetSecretValue", "ssm:GetParameter");

    private final Region region;

    private AwsClients(Region region) {
        this.region = region;
    }

    /** Clients for the region Lambda runs in ({@code AWS_REGION}). */
    public static AwsClients fromEnvironment(Map<String, String> environment) {
        String region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set; Lambda always sets it, set it by hand elsewhere");
        }
        return new AwsClients(Region.of(region));
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public SsmClient ssm() {
        return SsmClient.builder()
                .region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
