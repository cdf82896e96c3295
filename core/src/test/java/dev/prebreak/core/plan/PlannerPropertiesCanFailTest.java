package dev.prebreak.core.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.plan.PlannerProperties.Day;
import dev.prebreak.core.plan.PlannerProperties.Planning;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The properties are worth only the bugs they catch: two planted bugs, acting early and acting twice,
 * must each fail them, with the seed and a shrunk day in the report.
 */
class PlannerPropertiesCanFailTest {

    /** A planner that believes it is three minutes later than it is. */
    private static final Planning ACTING_EARLY = (planner, now, schedules, records, readStates) ->
            Planning.AS_THE_ENGINE_DOES.plan(planner, now.plus(Duration.ofMinutes(3)), schedules, records, readStates);

    /** A planner that forgets the activities it finished with, as if the store kept only claims in flight. */
    private static final Planning ACTING_TWICE = (planner, now, schedules, records, readStates) ->
            Planning.AS_THE_ENGINE_DOES.plan(planner, now, schedules,
                    records.stream().filter(r -> r.status().isClaim()).collect(Collectors.toList()), readStates);

    @Test
    void acting_early_is_caught_and_reported_with_its_seed_and_a_small_day() {
        assertThatThrownBy(() -> PlannerProperties.days(PlannerProperties.DAYS).check(spec -> new Day(spec, ACTING_EARLY).play()))
                .satisfies(PlannerPropertiesCanFailTest::print)
                .hasMessageContaining("never before the trigger time")
                .hasMessageContaining("replay it alone with -Dprebreak.case=")
                .hasMessageMatching("(?s).*smallest failing case \\(after \\d+ shrink steps\\): DaySpec\\[seed=-?\\d+, agents=\\[\\d+], .*");
    }

    @Test
    void acting_twice_is_caught_and_reported_with_its_seed_and_a_small_day() {
        assertThatThrownBy(() -> PlannerProperties.days(PlannerProperties.DAYS).check(spec -> new Day(spec, ACTING_TWICE).play()))
                .satisfies(PlannerPropertiesCanFailTest::print)
                .hasMessageMatching("(?s).*(never twice for one activity|never for an activity already handled).*")
                .hasMessageContaining("replay it alone with -Dprebreak.case=")
                .hasMessageMatching("(?s).*smallest failing case \\(after \\d+ shrink steps\\): DaySpec\\[seed=-?\\d+, agents=\\[\\d+], .*");
    }

    /** The report as a developer would see it, in the test output. */
    private static void print(Throwable failure) {
        System.out.println("planted bug caught as expected:\n" + failure.getMessage());
    }
}
