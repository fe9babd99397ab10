package org.eekms.secretlock.boundary;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a real {@link MasterLock} outside the container: sets what the container would inject and calls its
 * {@code @PostConstruct}, which only the package can reach.
 */
public final class MasterLockTestDouble {

    private MasterLockTestDouble() {
    }

    /** The {@code local} master lock over the given key file, creating it (the dev key) when missing. */
    public static MasterLock local(Path keyFile) {
        return open("local", keyFile == null ? null : keyFile.toString(), true);
    }

    public static MasterLock open(String type, String keyPath, boolean createDevKey) {
        MasterLock lock = new MasterLock();
        lock.type = type;
        lock.keyPath = Optional.ofNullable(keyPath);
        lock.createDevKey = createDevKey;
        lock.open();
        return lock;
    }
}
