package dev.prebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
    @TempDir
    Path dir;

    @Test
    void readsEnvironmentVariablesAndFiles() throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "from-file\n");
        LocalSecrets secrets = new LocalSecrets(Map.of("GENESYS_CLIENT_SECRET", "from-env"));
        assertThat(secrets.read(SecretRef.parse("env:GENESYS_CLIENT_SECRET"), "genesys.clientSecret")).containsExactly("from-env".toCharArray());
        assertThat(secrets.read(SecretRef.parse("file:" + file), "genesys.clientSecret")).containsExactly("from-file".toCharArray());
    }

    @Test
    void namesTheKeyAndTheMissingSourceButNeverAValue() {
        LocalSecrets secrets = new LocalSecrets(Map.of());
        assertThatThrownBy(() -> secrets.read(SecretRef.parse("env:NOT_SET"), "genesys.clientSecret"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("genesys.clientSecret: refers to environment variable NOT_SET, which is not set");
        assertThatThrownBy(() -> secrets.read(SecretRef.parse("file:" + dir.resolve("nope")), "genesys.clientSecret"))
                .hasMessageContaining("which cannot be read");
        assertThatThrownBy(() -> secrets.read(SecretRef.parse("secretsmanager:x"), "genesys.credentials"))
                .hasMessageContaining("only the Lambda reads");
    }
}
