package dev.prebreak.genesys.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.gateway.ApiCall;
import org.junit.jupiter.api.Test;

/** Calls are counted by route template, so that the metric's endpoint label stays a handful of values. */
class EndpointsTest {
    @Test
    void idsQueriesAndTokensBecomeTemplates() {
        assertThat(Endpoints.template("/api/v2/workforcemanagement/businessunits/5705b877-0b3d-4dd5-9e54-d738297f77ae/agentschedules/search"))
                .isEqualTo("/api/v2/workforcemanagement/businessunits/{id}/agentschedules/search");
        assertThat(Endpoints.template("/api/v2/users?pageSize=100&pageNumber=1&id=a&id=b")).isEqualTo("/api/v2/users");
        assertThat(Endpoints.template("/api/v2/users/020aaf5f-4659-4287-b61a-4fa5dd80937d/presences/purecloud"))
                .isEqualTo("/api/v2/users/{id}/presences/purecloud");
        assertThat(Endpoints.template("/api/v2/workforcemanagement/managementunits/mu-1/users")).isEqualTo("/api/v2/workforcemanagement/managementunits/{id}/users");
        assertThat(Endpoints.template("/oauth/token")).isEqualTo("/oauth/token");
        assertThat(Endpoints.template("/download/AbC123xyz")).isEqualTo("/download/{id}");
        assertThat(Endpoints.template("/a/b/c/d/e/f/g/h/i/j/k/l")).isEqualTo("/{other}");
        assertThat(Endpoints.template("")).isEqualTo("/");
    }

    @Test
    void usageCountsEachAttemptByMethodTemplateAndStatus() {
        Usage usage = new Usage();
        usage.ended("GET", "/api/v2/users/u-1/presences/purecloud", "200");
        usage.ended("GET", "/api/v2/users/u-2/presences/purecloud", "200");
        usage.ended("POST", "/api/v2/users/presences/bulk", "none");
        assertThat(usage.snapshot().byEndpoint()).containsOnly(
                org.assertj.core.api.Assertions.entry(new ApiCall("GET", "/api/v2/users/{id}/presences/purecloud", "200"), 2L),
                org.assertj.core.api.Assertions.entry(new ApiCall("POST", "/api/v2/users/presences/bulk", "none"), 1L));
        assertThat(usage.snapshot().minus(usage.snapshot()).byEndpoint()).isEmpty();
    }
}
