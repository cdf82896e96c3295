package dev.prebreak.genesys.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import com.mypurecloud.sdk.v2.model.BuAgentScheduleActivity;
import com.mypurecloud.sdk.v2.model.BuAgentScheduleSearchResponse;
import com.mypurecloud.sdk.v2.model.BuAgentScheduleShift;
import com.mypurecloud.sdk.v2.model.BuAgentSchedulesSearchResponse;
import com.mypurecloud.sdk.v2.model.BuAsyncAgentSchedulesSearchResponse;
import com.mypurecloud.sdk.v2.model.BuSearchAgentSchedulesRequest;
import com.mypurecloud.sdk.v2.model.BusinessUnitActivityCode;
import com.mypurecloud.sdk.v2.model.BusinessUnitActivityCodeListing;
import com.mypurecloud.sdk.v2.model.BusinessUnitResponse;
import com.mypurecloud.sdk.v2.model.BusinessUnitSettingsResponse;
import com.mypurecloud.sdk.v2.model.MutableUserPresence;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinition;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinitionEntityListing;
import com.mypurecloud.sdk.v2.model.PresenceDefinition;
import com.mypurecloud.sdk.v2.model.RoutingStatus;
import com.mypurecloud.sdk.v2.model.User;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import com.mypurecloud.sdk.v2.model.UserPresence;
import com.mypurecloud.sdk.v2.model.UserReference;
import dev.prebreak.core.gateway.BusinessUnit;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.genesys.wire.ActivityCodeAnswer;
import dev.prebreak.genesys.wire.ActivityCodeListing;
import dev.prebreak.genesys.wire.BusinessUnitAnswer;
import dev.prebreak.genesys.wire.PresenceDefinitionAnswer;
import dev.prebreak.genesys.wire.PresenceDefinitionListing;
import dev.prebreak.genesys.wire.PresenceWrite;
import dev.prebreak.genesys.wire.ScheduleSearchAnswer;
import dev.prebreak.genesys.wire.ScheduleSearchRequest;
import dev.prebreak.genesys.wire.UserAnswer;
import dev.prebreak.genesys.wire.UserListing;
import dev.prebreak.genesys.wire.UserPresenceAnswer;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireTime;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official SDK 198.1.0 is the oracle for the wire format: what this client sends must read
 * into the SDK's request models (with unknown properties made fatal, so a misspelt field fails),
 * and what the SDK's models serialize to must read through this client's wire types into the right
 * core values. The SDK's own ObjectMapper is used, dates and enums configured as in ApiClient.
 */
class SdkModelContractTest {
    private static final ObjectMapper SDK = ApiClient.buildObjectMapper(new ApiDateFormat());
    private static final ObjectMapper STRICT_SDK = SDK.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Sets a field the SDK models expose read-only (ids and server-side fields have no setter). */
    private static <T> T readOnly(T model, String field, Object value) throws ReflectiveOperationException {
        Class<?> type = model.getClass();
        while (type != null) {
            try {
                Field f = type.getDeclaredField(field);
                f.setAccessible(true);
                f.set(model, value);
                return model;
            } catch (NoSuchFieldException e) {
                type = type.getSuperclass();
            }
        }
        throw new NoSuchFieldException(field);
    }

    private static byte[] sdkJson(Object model) throws Exception {
        return SDK.writeValueAsBytes(model);
    }

    @Test
    void scheduleSearchRequestReadsIntoTheSdkModel() throws Exception {
        Instant from = Instant.parse("2026-11-24T13:00:00Z");
        Instant to = Instant.parse("2026-11-24T17:30:00.250Z");
        byte[] sent = Wire.write(new ScheduleSearchRequest(WireTime.format(from), WireTime.format(to), List.of("u1", "u2")));

        BuSearchAgentSchedulesRequest request = STRICT_SDK.readValue(sent, BuSearchAgentSchedulesRequest.class);
        assertThat(request.getStartDate()).isEqualTo(Date.from(from));
        assertThat(request.getEndDate()).isEqualTo(Date.from(to));
        assertThat(request.getUserIds()).containsExactly("u1", "u2");
    }

    @Test
    void bulkPresenceWriteReadsIntoTheSdkModel() throws Exception {
        byte[] sent = Wire.write(List.of(PresenceWrite.purecloud("u1", "pre-break-id"), PresenceWrite.purecloud("u2", "pre-break-id")));

        List<MutableUserPresence> writes = STRICT_SDK.readValue(sent, new TypeReference<List<MutableUserPresence>>() { });
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0).getId()).isEqualTo("u1");
        assertThat(writes.get(0).getSource()).isEqualTo("PURECLOUD");
        assertThat(writes.get(0).getPresenceDefinition().getId()).isEqualTo("pre-break-id");
        assertThat(writes.get(1).getId()).isEqualTo("u2");
    }

    @Test
    void scheduleSearchAnswerFromTheSdkFlattensIntoActivities() throws Exception {
        String guidCode = "9c4b3f5e-1d2a-4e6f-8a7b-0c1d2e3f4a5b";
        BuAgentScheduleShift shift = new BuAgentScheduleShift().id("shift-1").activities(List.of(
                new BuAgentScheduleActivity().startDate(Date.from(Instant.parse("2026-11-24T13:00:00Z"))).lengthMinutes(120)
                        .activityCodeId("0").description("On queue").paid(true),
                new BuAgentScheduleActivity().startDate(Date.from(Instant.parse("2026-11-24T15:00:00Z"))).lengthMinutes(15)
                        .activityCodeId(guidCode).description("Coffee").paid(true)));
        readOnly(shift, "startDate", Date.from(Instant.parse("2026-11-24T13:00:00Z")));
        readOnly(shift, "lengthMinutes", 240);
        BuAsyncAgentSchedulesSearchResponse sdk = new BuAsyncAgentSchedulesSearchResponse()
                .status(BuAsyncAgentSchedulesSearchResponse.StatusEnum.COMPLETE).operationId("op-1")
                .result(new BuAgentSchedulesSearchResponse().businessUnitTimeZone("Europe/Berlin").agentSchedules(List.of(
                        new BuAgentScheduleSearchResponse().user(new UserReference().id("u1")).shifts(List.of(shift)))));

        ScheduleSearchAnswer answer = Wire.read(sdkJson(sdk), ScheduleSearchAnswer.class);
        assertThat(answer.parsedStatus()).isEqualTo(ScheduleSearchAnswer.Status.COMPLETE);
        List<AgentSchedule> schedules = answer.result().toCore();
        assertThat(schedules).containsExactly(new AgentSchedule("u1", List.of(
                new Activity("0", Instant.parse("2026-11-24T13:00:00Z"), Duration.ofMinutes(120), "On queue"),
                new Activity(guidCode, Instant.parse("2026-11-24T15:00:00Z"), Duration.ofMinutes(15), "Coffee"))));

        for (var status : List.of(BuAsyncAgentSchedulesSearchResponse.StatusEnum.PROCESSING,
                BuAsyncAgentSchedulesSearchResponse.StatusEnum.CANCELED, BuAsyncAgentSchedulesSearchResponse.StatusEnum.ERROR)) {
            byte[] json = sdkJson(new BuAsyncAgentSchedulesSearchResponse().status(status).operationId("op"));
            assertThat(Wire.read(json, ScheduleSearchAnswer.class).parsedStatus().name())
                    .isEqualTo(status.name());
        }
        byte[] download = sdkJson(new BuAsyncAgentSchedulesSearchResponse()
                .status(BuAsyncAgentSchedulesSearchResponse.StatusEnum.COMPLETE).downloadUrl("https://storage.example/x?sig=1"));
        assertThat(Wire.read(download, ScheduleSearchAnswer.class).downloadUrl()).isEqualTo("https://storage.example/x?sig=1");
    }

    @Test
    void presenceDefinitionListingFromTheSdk() throws Exception {
        OrganizationPresenceDefinition onQueue = readOnly(new OrganizationPresenceDefinition().name("On Queue")
                .type(OrganizationPresenceDefinition.TypeEnum.SYSTEM).languageLabels(Map.of("en_US", "On Queue"))
                .systemPresence(OrganizationPresenceDefinition.SystemPresenceEnum.ONQUEUE).deactivated(false),
                "id", "e08eaf1b-ee47-4fa9-a231-1200e284798f");
        OrganizationPresenceDefinition preBreak = readOnly(new OrganizationPresenceDefinition()
                .type(OrganizationPresenceDefinition.TypeEnum.USER).languageLabels(Map.of("en_US", "Pre-Break"))
                .systemPresence(OrganizationPresenceDefinition.SystemPresenceEnum.BREAK).divisionId("*").deactivated(false),
                "id", "pb-1");
        OrganizationPresenceDefinitionEntityListing listing = new OrganizationPresenceDefinitionEntityListing()
                .total(2L).entities(List.of(onQueue, preBreak));

        PresenceDefinitionListing parsed = Wire.read(sdkJson(listing), PresenceDefinitionListing.class);
        assertThat(parsed.total()).isEqualTo(2L);
        assertThat(parsed.entities().stream().map(d -> d.toCore().orElseThrow()).toList()).containsExactly(
                new dev.prebreak.core.presence.PresenceDefinition("e08eaf1b-ee47-4fa9-a231-1200e284798f", "On Queue",
                        SystemPresence.ON_QUEUE, true, false, List.of("On Queue"), null),
                new dev.prebreak.core.presence.PresenceDefinition("pb-1", "Pre-Break", SystemPresence.BREAK, false, false,
                        List.of("Pre-Break"), "*"));
    }

    @Test
    void userListingWithExpandsFromTheSdk() throws Exception {
        UserPresence presence = new UserPresence().source("PURECLOUD")
                .presenceDefinition(new PresenceDefinition().id("e08eaf1b-ee47-4fa9-a231-1200e284798f"));
        readOnly(presence.getPresenceDefinition(), "systemPresence", "On Queue");
        User withBoth = readOnly(readOnly(readOnly(new User().name("Ada").version(1), "id", "u1"),
                "presence", presence), "routingStatus", new RoutingStatus().userId("u1").status(RoutingStatus.StatusEnum.IDLE));
        User withNothing = readOnly(new User().name("Bob").version(1), "id", "u2");
        UserEntityListing listing = readOnly(readOnly(new UserEntityListing().entities(List.of(withBoth, withNothing)).total(2L),
                "pageCount", 1), "pageNumber", 1);

        UserListing parsed = Wire.read(sdkJson(listing), UserListing.class);
        assertThat(parsed.pageCount()).isEqualTo(1);
        assertThat(parsed.entities().stream().map(UserAnswer::toAgentState).toList()).containsExactly(
                new AgentState("u1", "e08eaf1b-ee47-4fa9-a231-1200e284798f", SystemPresence.ON_QUEUE,
                        dev.prebreak.core.presence.RoutingStatus.IDLE),
                new AgentState("u2", null, null, null));
    }

    @Test
    void bulkWriteAnswerFromTheSdk() throws Exception {
        UserPresence set = readOnly(new UserPresence().source("PURECLOUD").presenceDefinition(new PresenceDefinition().id("pb-1")),
                "id", "u1");
        List<UserPresenceAnswer> parsed = Wire.readList(sdkJson(List.of(set)), UserPresenceAnswer.class);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).user()).isEqualTo("u1");
        assertThat(parsed.get(0).presenceDefinition().id()).isEqualTo("pb-1");
    }

    @Test
    void activityCodeListingFromTheSdk() throws Exception {
        BusinessUnitActivityCode breakCode = readOnly(new BusinessUnitActivityCode().name("Break").active(true).defaultCode(true)
                .category(BusinessUnitActivityCode.CategoryEnum.BREAK).lengthInMinutes(15), "id", "1");
        BusinessUnitActivityCode custom = readOnly(new BusinessUnitActivityCode().name("Wellness").active(true).defaultCode(false)
                .category(BusinessUnitActivityCode.CategoryEnum.MEAL), "id", "0f8fad5b-d9cb-469f-a165-70867728950e");
        BusinessUnitActivityCodeListing listing = new BusinessUnitActivityCodeListing().entities(List.of(breakCode, custom));

        ActivityCodeListing parsed = Wire.read(sdkJson(listing), ActivityCodeListing.class);
        assertThat(parsed.downloadUrl()).isNull();
        assertThat(parsed.entities().stream().map(ActivityCodeAnswer::toCore).toList()).containsExactly(
                new ActivityCode("1", "Break", ActivityCategory.BREAK, true),
                new ActivityCode("0f8fad5b-d9cb-469f-a165-70867728950e", "Wellness", ActivityCategory.MEAL, true));
    }

    @Test
    void businessUnitWithTimeZoneFromTheSdk() throws Exception {
        BusinessUnitResponse bu = readOnly(new BusinessUnitResponse().name("Support")
                .settings(new BusinessUnitSettingsResponse().timeZone("America/Chicago")), "id", "bu-1");
        BusinessUnit parsed = Wire.read(sdkJson(bu), BusinessUnitAnswer.class).toCore();
        assertThat(parsed).isEqualTo(new BusinessUnit("bu-1", "Support", ZoneId.of("America/Chicago")));
    }
}
