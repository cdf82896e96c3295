package dev.prebreak.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.rule.AdaptiveLead;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code adaptive} block of a rule: optional, fixed leads stay the default. */
class AdaptiveLeadConfigTest {
    @Test
    void aRuleWithoutTheBlockHasAFixedLead() {
        assertThat(ConfigLoaderTest.parse(ConfigLoaderTest.MINIMAL).rules().get(0).adaptive()).isEmpty();
    }

    @Test
    void readsTheBlockWithTheRuleLeadAsTheMaximum() {
        RuleSettings rule = ConfigLoaderTest.parse(ConfigLoaderTest.MINIMAL + String.join("\n",
                "    lead: 20m",
                "    adaptive:",
                "      minimumLead: 3m",
                "      margin: 90s",
                "      handleTimes: {chat: 8m, call: 5m}",
                "      afterCallWork: {call: 45s}",
                "")).rules().get(0);
        assertThat(rule.lead()).isEqualTo(Duration.ofMinutes(20));
        assertThat(rule.adaptive()).contains(new AdaptiveLead(Duration.ofMinutes(3), Duration.ofSeconds(90),
                Map.of("chat", Duration.ofMinutes(8), "call", Duration.ofMinutes(5)), Map.of("call", Duration.ofSeconds(45))));
        AdaptiveLead defaults = ConfigLoaderTest.parse(ConfigLoaderTest.MINIMAL + "    adaptive: true\n").rules().get(0)
                .adaptive().orElseThrow();
        assertThat(defaults.minimumLead()).isEqualTo(AdaptiveLead.DEFAULT_MINIMUM_LEAD);
        assertThat(defaults.margin()).isEqualTo(AdaptiveLead.DEFAULT_MARGIN);
    }

    @Test
    void namesEachBadKey() {
        assertThat(ConfigLoaderTest.problems(ConfigLoaderTest.MINIMAL + String.join("\n",
                "    lead: 10m",
                "    adaptive:",
                "      minimumLead: 15m",
                "      handleTimes: {chat: 0s}",
                "      speed: fast",
                ""))).anySatisfy(p -> assertThat(p).startsWith("rules[0].adaptive.minimumLead: must not exceed the rule's lead"))
                .anySatisfy(p -> assertThat(p).startsWith("rules[0].adaptive.handleTimes.chat: must be above zero"))
                .anySatisfy(p -> assertThat(p).contains("speed"));
    }
}
