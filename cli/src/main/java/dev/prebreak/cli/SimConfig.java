package dev.prebreak.cli;

import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.org.BusinessUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration with which prebreak runs against a standalone simulator as it is: its URL, its client
 * id, its business units, the rules of the demo, and a state journal of its own, so that trying the
 * simulator never shares state (or its lock) with a daemon looking after a real org.
 */
public final class SimConfig {
    private SimConfig() {
    }

    /**
     * @param secretReference where prebreak finds the simulator's client secret ({@code file:...} or {@code env:...})
     * @param journal the state journal's path, as it should appear in the file
     */
    public static String yaml(Simulator sim, String secretReference, String journal) {
        List<String> units = sim.org().businessUnits().stream().map(BusinessUnit::id).collect(Collectors.toList());
        return String.join("\n",
                "# prebreak against the local Genesys Cloud simulator (written by `prebreak sim`).",
                "# run, plan and serve use this machine's clock: the simulator must run in real time (the default).",
                connection(sim, units, secretReference + "   # the simulator's own throwaway secret"),
                "state:",
                "  store: file",
                "  file: " + journal + "   # not the per-user default: the simulator's agents are not a real org's",
                "");
    }

    /**
     * The simulator's URL and client, the given business units, the demo's rules (breaks 15 minutes
     * ahead, meals 10 with the Meal presence at their start) and a one-minute tick; no state settings.
     */
    public static String connection(Simulator sim, List<String> businessUnits, String secretReference) {
        return String.join("\n",
                "genesys:",
                "  region: " + sim.baseUrl(),
                "  clientId: " + sim.clientId(),
                "  clientSecret: " + secretReference,
                "scope:",
                "  businessUnits: [" + String.join(", ", businessUnits) + "]",
                "rules:",
                "  - name: breaks",
                "    categories: [Break]",
                "    lead: 15m",
                "    presence: Pre-Break",
                "  - name: meals",
                "    categories: [Meal]",
                "    lead: 10m",
                "    presence: Pre-Break",
                "    atStartPresence: Meal",
                "tick: 60s",
                "");
    }
}
