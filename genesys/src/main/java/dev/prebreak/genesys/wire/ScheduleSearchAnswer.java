package dev.prebreak.genesys.wire;

/**
 * {@code BuAsyncAgentSchedulesSearchResponse}: the result inline, a {@code downloadUrl}, or a status
 * saying the search went asynchronous.
 */
public record ScheduleSearchAnswer(String status, String operationId, ScheduleSearchResult result, Integer progress,
                                   String downloadUrl) {

    public enum Status { PROCESSING, COMPLETE, CANCELED, ERROR }

    public Status parsedStatus() {
        return switch (WireException.required(status, "status")) {
            case "Processing" -> Status.PROCESSING;
            case "Complete" -> Status.COMPLETE;
            case "Canceled" -> Status.CANCELED;
            case "Error" -> Status.ERROR;
            default -> throw new WireException("field 'status' has an unknown value '" + status
                    + "' (expected Processing, Complete, Canceled or Error)");
        };
    }
}
