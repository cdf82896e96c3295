package dev.prebreak.genesys.wire;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enum values Genesys answered that this version does not know (a new system presence, presence type,
 * routing status or activity category). Genesys adds values without notice, so such a value never fails
 * a tick: what carries it is skipped or read as unknown, and a warning says so once per value, not on
 * every read.
 */
public final class UnknownValues {
    private static final System.Logger LOG = System.getLogger(UnknownValues.class.getName());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private UnknownValues() {
    }

    /**
     * Warns, once per field and value in this process, that {@code value} of {@code field} is unknown.
     *
     * @param consequence what prebreak does about it, for the reader ("the definition is skipped")
     */
    public static void seen(String field, String value, String consequence) {
        if (WARNED.add(field + "=" + value)) {
            LOG.log(System.Logger.Level.WARNING, () -> "Genesys answered " + field + " '" + value
                    + "', a value this version of prebreak does not know: " + consequence);
        }
    }
}
