package dev.sxs.kv;

import java.nio.file.Path;

/**
 * A data folder is owned by another process, or already open in this one. Only one process may own a
 * data folder at a time; the owner holds an exclusive lock on {@code <data>/sxs.lock}.
 */
public final class DataFolderLockedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    private final long ownerPid;

    /**
     * @param message  names the folder and, when known, the owner's process id.
     * @param folder   the data folder.
     * @param ownerPid the owner's process id, or -1 when unknown.
     */
    public DataFolderLockedException(final String message, final Path folder, final long ownerPid)
    {
        super(message);
        this.folder = folder;
        this.ownerPid = ownerPid;
    }

    /**
     * @return the data folder that is in use.
     */
    public Path folder()
    {
        return folder;
    }

    /**
     * @return the process id written by the owner in the lock file, or -1 when unknown.
     */
    public long ownerPid()
    {
        return ownerPid;
    }
}
