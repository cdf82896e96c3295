package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field lists of the newest public models (JavaScript SDK 262.0.0, index.d.ts; copied from the shared
 * reference genesys-sdk262-models.md). SDK 198's Java models, the other oracle, predate some of these
 * fields; real Genesys sends and accepts them.
 */
final class NewestModels {
    static final Set<String> PRESENCE_DEFINITION = Set.of("id", "systemPresence", "selfUri");
    static final Set<String> USER_PRESENCE = Set.of("id", "name", "source", "sourceId", "primary",
            "presenceDefinition", "futurePresenceDefinition", "message", "modifiedDate", "selfUri");
    static final Set<String> MUTABLE_USER_PRESENCE = USER_PRESENCE;
    static final Set<String> UC_USER_PRESENCE = Set.of("id", "name", "userId", "source", "sourceId",
            "presenceDefinition", "message", "modifiedDate", "selfUri");
    static final Set<String> ORGANIZATION_PRESENCE_DEFINITION = Set.of("id", "name", "type", "languageLabels",
            "systemPresence", "divisionId", "deactivated", "selfUri");
    static final Set<String> ROUTING_STATUS = Set.of("userId", "status", "startTime");
    static final Set<String> USER = Set.of("id", "name", "division", "chat", "department", "email",
            "primaryContactInfo", "addresses", "state", "title", "username", "manager", "images", "version",
            "certifications", "biography", "employerInfo", "preferredName", "routingStatus", "presence",
            "integrationPresence", "conversationSummary", "outOfOffice", "geolocation", "station", "authorization",
            "profileSkills", "locations", "groups", "team", "workPlanBidRanks", "skills", "languages",
            "acdAutoAnswer", "languagePreference", "lastTokenIssued", "dateLastLogin", "dateWelcomeSent", "selfUri");
    static final Set<String> USER_ENTITY_LISTING = Set.of("entities", "pageSize", "pageNumber", "total", "lastUri",
            "firstUri", "selfUri", "nextUri", "previousUri", "pageCount");
    static final Set<String> SEARCH_REQUEST = Set.of("startDate", "endDate", "userIds");
    static final Set<String> ASYNC_SEARCH_RESPONSE = Set.of("status", "operationId", "result", "progress",
            "downloadUrl");
    static final Set<String> SHIFT = Set.of("id", "startDate", "lengthMinutes", "activities", "manuallyEdited",
            "schedule", "workPlanId", "workPlanShiftId");
    static final Set<String> ACTIVITY = Set.of("startDate", "lengthMinutes", "description", "activityCodeId", "paid",
            "payableMinutes", "timeOffRequestId", "timeOffRequestSyncVersion", "externalActivityId",
            "externalActivityType");
    static final Set<String> ACTIVITY_CODE = Set.of("id", "name", "active", "defaultCode", "category",
            "lengthInMinutes", "countsAsPaidTime", "countsAsWorkTime", "agentTimeOffSelectable",
            "countsTowardShrinkage", "plannedShrinkage", "interruptible", "secondaryPresences", "planningGroups",
            "style", "metadata", "selfUri");
    static final Set<String> ERROR_BODY = Set.of("message", "code", "status", "entityId", "entityName",
            "messageWithParams", "messageParams", "contextId", "details", "errors", "limit");

    private NewestModels() {
    }

    /** Asserts that every field of {@code node} is one the model has. */
    static void fits(JsonNode node, Set<String> model, String name) {
        List<String> extra = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!model.contains(field)) {
                extra.add(field);
            }
        }
        assertThat(extra).as("fields of %s that the newest model lacks: %s", name, node).isEmpty();
    }
}
