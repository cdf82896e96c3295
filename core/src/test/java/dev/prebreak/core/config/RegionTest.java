package dev.prebreak.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The regions of the newest official SDK (262.0.0's {@code PureCloudRegionHosts}), as prebreak names them. */
class RegionTest {
    /** Name and domain of each, from shared/reference/genesys-sdk262-models.md. */
    private static final Map<String, String> SDK_262 = new LinkedHashMap<>();

    static {
        SDK_262.put("us_east_1", "mypurecloud.com");
        SDK_262.put("eu_west_1", "mypurecloud.ie");
        SDK_262.put("ap_southeast_2", "mypurecloud.com.au");
        SDK_262.put("ap_northeast_1", "mypurecloud.jp");
        SDK_262.put("eu_central_1", "mypurecloud.de");
        SDK_262.put("us_west_2", "usw2.pure.cloud");
        SDK_262.put("ca_central_1", "cac1.pure.cloud");
        SDK_262.put("ap_northeast_2", "apne2.pure.cloud");
        SDK_262.put("eu_west_2", "euw2.pure.cloud");
        SDK_262.put("ap_south_1", "aps1.pure.cloud");
        SDK_262.put("us_east_2", "use2.us-gov-pure.cloud");
        SDK_262.put("sa_east_1", "sae1.pure.cloud");
        SDK_262.put("me_central_1", "mec1.pure.cloud");
        SDK_262.put("ap_northeast_3", "apne3.pure.cloud");
        SDK_262.put("eu_central_2", "euc2.pure.cloud");
        SDK_262.put("mx_central_1", "mxc1.pure.cloud");
        SDK_262.put("ap_southeast_1", "apse1.pure.cloud");
        SDK_262.put("eusc_de_east_1", "edee1.eusc-pure.cloud");
    }

    @Test
    void everyRegionOfTheNewestSdkIsKnownWithItsApiAndLoginHosts() {
        List<String> names = StreamSupport.stream(Region.names().spliterator(), false).toList();
        assertThat(names).containsExactlyElementsOf(SDK_262.keySet());
        SDK_262.forEach((name, domain) -> {
            Region region = Region.parse(name);
            assertThat(region.apiBase()).as(name).hasToString("https://api." + domain);
            assertThat(region.tokenUri()).as(name).hasToString("https://login." + domain + "/oauth/token");
        });
    }

    @Test
    void theNewRegionsAcceptTheHyphenatedSpellingToo() {
        assertThat(Region.parse("eusc-de-east-1").apiBase()).hasToString("https://api.edee1.eusc-pure.cloud");
        assertThat(Region.parse("MX-CENTRAL-1").name()).isEqualTo("mx_central_1");
    }
}
