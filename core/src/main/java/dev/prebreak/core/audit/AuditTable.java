package dev.prebreak.core.audit;

import java.net.URI;
import java.util.Objects;

/**
 * An audit table to read.
 *
 * @param region the cloud region it is in; null for the SDK's usual lookup (environment, profile)
 * @param endpoint another endpoint than the region's (a local emulator); null for the region's own
 */
public record AuditTable(String name, String region, URI endpoint) {
    public AuditTable {
        Objects.requireNonNull(name, "name");
    }
}
