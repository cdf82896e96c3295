package dev.prebreak.aws.dynamodb;

import dev.prebreak.core.audit.AuditSource;
import dev.prebreak.core.audit.AuditTable;
import dev.prebreak.core.audit.AuditTables;
import dev.prebreak.core.audit.AuditUnreadableException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Opens the Lambda's table for {@code prebreak report}, found through {@link java.util.ServiceLoader}
 * when this module is on the command line's class path. Unlike the Lambda's own clients, it takes the
 * credentials and region the way the AWS CLI does (environment, profiles, SSO-free credential
 * processes, instance roles): it runs on an operator's machine, not in Lambda.
 */
public final class DynamoDbAuditTables implements AuditTables {
    @Override
    public AuditSource open(AuditTable table) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (table.region() != null) {
            builder.region(Region.of(table.region()));
        }
        if (table.endpoint() != null) {
            builder.endpointOverride(table.endpoint());
        }
        try {
            return new DynamoDbAuditSource(builder.build(), table.name(), true);
        } catch (SdkClientException e) {
            throw new AuditUnreadableException("cannot open table " + table.name() + ": " + e.getMessage()
                    + " (give the region with --region or AWS_REGION)", e);
        }
    }
}
