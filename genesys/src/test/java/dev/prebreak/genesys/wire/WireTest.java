package dev.prebreak.genesys.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.AgentSchedule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ignoresUnknownFieldsButRejectsWrongTypes() {
        ActivityCodeAnswer code = Wire.read(json("{'id':'1','name':'Break','category':'Break','brandNew':{'x':1}}"),
                ActivityCodeAnswer.class);
        assertThat(code.toCore().category()).isEqualTo(ActivityCategory.BREAK);

        assertThatThrownBy(() -> Wire.read(json("{'id':42,'name':'Break'}"), ActivityCodeAnswer.class))
                .isInstanceOf(WireException.class).hasMessageContaining("'id'");
        assertThatThrownBy(() -> Wire.read(json("{'id':'1','lengthInMinutes':'fifteen'}"), ActivityCodeAnswer.class))
                .isInstanceOf(WireException.class).hasMessageContaining("'lengthInMinutes'");
        assertThatThrownBy(() -> Wire.read(json("{'id':'1','active':'yes'}"), ActivityCodeAnswer.class))
                .isInstanceOf(WireException.class).hasMessageContaining("'active'");
        assertThatThrownBy(() -> Wire.read(json("{'entities':{'id':'1'}}"), ActivityCodeListing.class))
                .isInstanceOf(WireException.class).hasMessageContaining("'entities'");
    }

    @Test
    void rejectsBrokenJsonAndEmptyBodies() {
        assertThatThrownBy(() -> Wire.read(json("{'entities':[{'id':'1'"), ActivityCodeListing.class))
                .isInstanceOf(WireException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Wire.read(new byte[0], ActivityCodeListing.class))
                .isInstanceOf(WireException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Wire.read(json("null"), ActivityCodeListing.class))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> Wire.read(json("{} {}"), ActivityCodeListing.class))
                .isInstanceOf(WireException.class);
    }

    @Test
    void unknownActivityCategoryIsNullNotFatal() {
        ActivityCodeAnswer code = Wire.read(json("{'id':'6f0c4d1e-8f5e-4b7a-9c61-7b1d2f3a4e5b','category':'Hologram'}"),
                ActivityCodeAnswer.class);
        assertThat(code.toCore().category()).isNull();
        assertThat(code.toCore().active()).isTrue();
        assertThat(code.toCore().id()).isEqualTo("6f0c4d1e-8f5e-4b7a-9c61-7b1d2f3a4e5b");
    }

    @Test
    void presenceDefinitionPrefersTheEnglishLabelKeepsEveryLabelAndReadsTheType() {
        PresenceDefinition custom = Wire.read(json("{'id':'p1','name':'pb','type':'User',"
                + "'languageLabels':{'en_US':'Pre-Break','fr':'Pré-pause'},'systemPresence':'Break','divisionId':'d1',"
                + "'deactivated':false}"), PresenceDefinitionAnswer.class).toCore().orElseThrow();
        assertThat(custom).isEqualTo(new PresenceDefinition("p1", "Pre-Break", SystemPresence.BREAK, false, false,
                List.of("Pre-Break", "Pré-pause", "pb"), "d1"));

        PresenceDefinition onQueue = Wire.read(json("{'id':'q','name':'On Queue','type':'System','systemPresence':'OnQueue',"
                + "'deactivated':true}"), PresenceDefinitionAnswer.class).toCore().orElseThrow();
        assertThat(onQueue).isEqualTo(new PresenceDefinition("q", "On Queue", SystemPresence.ON_QUEUE, true, true));

        assertThatThrownBy(() -> Wire.read(json("{'id':'x','systemPresence':'Break'}"),
                PresenceDefinitionAnswer.class).toCore()).isInstanceOf(WireException.class).hasMessageContaining("type");
    }

    @Test
    void aPresenceDefinitionOfAKindGenesysAddedLaterIsSkippedNotAFailure() {
        assertThat(Wire.read(json("{'id':'x','type':'Robot','systemPresence':'Break'}"),
                PresenceDefinitionAnswer.class).toCore()).isEmpty();
        assertThat(Wire.read(json("{'id':'x','type':'User','systemPresence':'Sleeping'}"),
                PresenceDefinitionAnswer.class).toCore()).isEmpty();
    }

    @Test
    void userExpandsAreBestEffort() {
        AgentState full = Wire.read(json("{'id':'u1','presence':{'presenceDefinition':{'id':'q','systemPresence':'On Queue'}},"
                + "'routingStatus':{'status':'INTERACTING'}}"), UserAnswer.class).toAgentState();
        assertThat(full).isEqualTo(new AgentState("u1", "q", SystemPresence.ON_QUEUE, RoutingStatus.INTERACTING));

        AgentState bare = Wire.read(json("{'id':'u2'}"), UserAnswer.class).toAgentState();
        assertThat(bare).isEqualTo(new AgentState("u2", null, null, null));

        AgentState strange = Wire.read(json("{'id':'u3','routingStatus':{'status':'DAYDREAMING'}}"), UserAnswer.class)
                .toAgentState();
        assertThat(strange.routingStatus()).isNull();
    }

    @Test
    void scheduleResultFlattensShiftsAndChecksRequiredFields() {
        ScheduleSearchResult result = Wire.read(json("{'agentSchedules':[{'user':{'id':'u1'},'shifts':["
                + "{'id':'s1','startDate':'2026-11-24T13:00:00Z','lengthMinutes':240,'activities':["
                + "{'startDate':'2026-11-24T13:00:00.000Z','lengthMinutes':120,'activityCodeId':'0','description':''},"
                + "{'startDate':'2026-11-24T15:00:00Z','lengthMinutes':15,'activityCodeId':'1','description':'Break'}]},"
                + "{'id':'s2','startDate':'2026-11-24T19:00:00Z','lengthMinutes':60,'activities':["
                + "{'startDate':'2026-11-24T19:30:00Z','lengthMinutes':30,'activityCodeId':'2'}]}]},"
                + "{'user':{'id':'u2'}}],'businessUnitTimeZone':'Europe/Berlin'}"), ScheduleSearchResult.class);
        var schedules = result.toCore();
        assertThat(schedules).extracting(AgentSchedule::userId).containsExactly("u1", "u2");
        assertThat(schedules.get(0).activities()).hasSize(3);
        assertThat(schedules.get(0).activities().get(1).start()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(schedules.get(0).activities().get(1).length()).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedules.get(0).activities().get(2).activityCodeId()).isEqualTo("2");
        assertThat(schedules.get(1).activities()).isEmpty();

        ScheduleSearchResult noStart = Wire.read(json("{'agentSchedules':[{'user':{'id':'u1'},'shifts':[{'activities':["
                + "{'lengthMinutes':15,'activityCodeId':'1'}]}]}]}"), ScheduleSearchResult.class);
        assertThatThrownBy(noStart::toCore).isInstanceOf(WireException.class)
                .hasMessageContaining("agentSchedules[0].shifts[0].activities[0].startDate");
        ScheduleSearchResult badDate = Wire.read(json("{'agentSchedules':[{'user':{'id':'u1'},'shifts':[{'activities':["
                + "{'startDate':'tomorrow','lengthMinutes':15}]}]}]}"), ScheduleSearchResult.class);
        assertThatThrownBy(badDate::toCore).isInstanceOf(WireException.class).hasMessageContaining("tomorrow");
    }

    @Test
    void unknownSearchStatusIsAnError() {
        ScheduleSearchAnswer answer = Wire.read(json("{'status':'Pondering'}"), ScheduleSearchAnswer.class);
        assertThatThrownBy(answer::parsedStatus).isInstanceOf(WireException.class).hasMessageContaining("Pondering");
        assertThat(Wire.read(json("{'status':'Processing','operationId':'op'}"), ScheduleSearchAnswer.class).parsedStatus())
                .isEqualTo(ScheduleSearchAnswer.Status.PROCESSING);
    }

    @Test
    void writesTimesWithMillisecondsInUtcAndOmitsNulls() {
        String body = new String(Wire.write(new ScheduleSearchRequest(WireTime.format(Instant.parse("2026-11-24T13:00:00Z")),
                WireTime.format(Instant.parse("2026-11-24T14:30:05.5Z")), null)), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"startDate\":\"2026-11-24T13:00:00.000Z\",\"endDate\":\"2026-11-24T14:30:05.500Z\"}");
        assertThat(WireTime.parse("2026-11-24T14:00:00.000+01:00", "x")).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
    }
}
