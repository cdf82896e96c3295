package dev.prebreak.cli.day;

import java.util.List;

/**
 * The report of a day, unit by unit, as every output form shows it.
 *
 * @param agents whether to show a row per agent
 * @param agentRecords whether to list each agent's records too (when agents were asked for by name)
 */
record DayReport(List<UnitDay> units, boolean agents, boolean agentRecords) {
    DayReport {
        units = List.copyOf(units);
    }
}
