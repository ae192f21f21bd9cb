package dev.sxs.jmx;

import dev.sxs.jmx.access.AuditLog;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.JournalAccess;
import dev.sxs.jmx.access.RuntimeAccess;
import dev.sxs.jmx.access.StoreAccess;

import java.util.Objects;

/**
 * The views of one runtime that management needs. Immutable.
 *
 * @param runtime  the runtime.
 * @param channels the dispatcher.
 * @param store    the store.
 * @param journal  the journal.
 * @param audit    where management actions are recorded.
 */
public record ManagedParts(
    RuntimeAccess runtime,
    ChannelAccess channels,
    StoreAccess store,
    JournalAccess journal,
    AuditLog audit)
{
    /** Checks every part is present. */
    public ManagedParts
    {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(audit, "audit");
    }
}
