package dev.prebreak.cli.doctor;

import dev.prebreak.core.config.RuleSettings;
import dev.prebreak.core.presence.PresenceCatalog;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.SystemPresence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each rule's presences, judged as a tick resolves them (by id or any label, active only) and, where a
 * tick would fail, why: it does not exist, it is deactivated, or it hangs under On Queue.
 */
final class RulePresences {
    private final PresenceCatalog active;
    private final List<PresenceDefinition> deactivated;

    /** @param deactivated the org's deactivated definitions (empty if they could not be read) */
    RulePresences(List<PresenceDefinition> active, List<PresenceDefinition> deactivated) {
        this.active = PresenceCatalog.of(active);
        this.deactivated = List.copyOf(deactivated);
    }

    List<Check> check(List<RuleSettings> rules) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleSettings rule = rules.get(i);
            checks.add(check("rule " + rule.name() + " presence", "rules[" + i + "].presence", rule.presence(), true));
            int index = i;
            rule.atStartPresence().ifPresent(p -> checks.add(check("rule " + rule.name() + " atStartPresence",
                    "rules[" + index + "].atStartPresence", p, false)));
        }
        return checks;
    }

    /** The presence a rule names, as found (or not) in the org. */
    Optional<PresenceDefinition> find(String wanted) {
        return active.resolve(wanted);
    }

    private Check check(String subject, String key, String wanted, boolean mustTakeOffQueue) {
        Optional<PresenceDefinition> found = active.resolve(wanted);
        if (found.isPresent()) {
            PresenceDefinition d = found.get();
            String where = d + ", active, " + (d.system() ? "a system presence" : "under " + d.systemPresence())
                    + (d.divisionId() == null ? "" : ", division " + d.divisionId());
            if (mustTakeOffQueue && d.systemPresence() == SystemPresence.ON_QUEUE) {
                return Check.problem(subject, where + ": setting it would keep agents On Queue",
                        "create '" + wanted + "' as a custom presence under Break (Admin > Presence) and delete or"
                                + " rename the one under On Queue; a tick refuses " + key + " as it is");
            }
            return Check.ok(subject, where);
        }
        String folded = wanted.trim().toLowerCase(Locale.ROOT);
        Optional<PresenceDefinition> retired = deactivated.stream().filter(d -> d.id().equals(wanted.trim())
                || d.labels().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(folded))).findFirst();
        if (retired.isPresent()) {
            return Check.problem(subject, retired.get() + " exists but is deactivated",
                    "reactivate it in Admin > Presence, or name an active presence in " + key);
        }
        return Check.problem(subject, "no active presence named or with id '" + wanted + "' in the org",
                "create a custom presence labelled '" + wanted + "' under Break (Admin > Presence), or name one that"
                        + " exists in " + key + " (active: " + String.join(", ", active.activeLabels()) + ")");
    }
}
