package org.eekms.secretlock.boundary;

import java.nio.file.Path;
import java.util.Map;
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
        return open(keyPath == null
                ? Map.of("kms.secret-lock.type", type, "kms.secret-lock.create-dev-key", String.valueOf(createDevKey))
                : Map.of("kms.secret-lock.type", type, "kms.secret-lock.key-path", keyPath,
                        "kms.secret-lock.create-dev-key", String.valueOf(createDevKey)));
    }

    /**
     * A master lock configured as the given {@code kms.secret-lock.*} properties say (unset ones as the container
     * would leave them: defaults, or empty).
     */
    public static MasterLock open(Map<String, String> settings) {
        MasterLock lock = new MasterLock();
        lock.type = settings.getOrDefault("kms.secret-lock.type", "local");
        lock.keyPath = setting(settings, "key-path");
        lock.createDevKey = Boolean.parseBoolean(settings.getOrDefault("kms.secret-lock.create-dev-key", "false"));
        lock.passphrase = setting(settings, "passphrase");
        lock.pbkdf2Iterations = setting(settings, "pbkdf2-iterations");
        lock.hkdfSecret = setting(settings, "hkdf-secret");
        lock.awsKeyUri = setting(settings, "aws-key-uri");
        lock.awsEndpoint = setting(settings, "aws-endpoint");
        lock.awsTimeout = setting(settings, "aws-timeout");
        lock.awsMaxConcurrency = setting(settings, "aws-max-concurrency");
        lock.previousType = setting(settings, "previous.type");
        lock.previousKeyPath = setting(settings, "previous.key-path");
        lock.previousPassphrase = setting(settings, "previous.passphrase");
        lock.previousHkdfSecret = setting(settings, "previous.hkdf-secret");
        lock.previousAwsKeyUri = setting(settings, "previous.aws-key-uri");
        lock.open();
        return lock;
    }

    /** Releases what the lock holds, as the container does at undeployment. */
    public static void close(MasterLock lock) {
        lock.close();
    }

    /** As MicroProfile Config injects an Optional: an empty value is no value. */
    private static Optional<String> setting(Map<String, String> settings, String name) {
        return Optional.ofNullable(settings.get("kms.secret-lock." + name)).filter(value -> !value.isEmpty());
    }
}
