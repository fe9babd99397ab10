package org.eekms.secretlock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.problem.InvalidRequestException;

/**
 * The keystore locks this server offers, by type ({@code KMS_KEYSTORE_LOCK_OFFERED}, default all that are configured),
 * and the one keystores get when they name none: a server's role is configuration, not a build.
 */
@ApplicationScoped
public class KeystoreLocks {

    private Map<String, KeystoreLock> byType;
    private String defaultType;

    protected KeystoreLocks() {
        // for CDI proxies
    }

    @Inject
    public KeystoreLocks(@Any Instance<KeystoreLock> locks,
            @ConfigProperty(name = "kms.keystore-lock.default", defaultValue = MainKeyLock.TYPE) String defaultType,
            @ConfigProperty(name = "kms.keystore-lock.offered") Optional<String> offered) {
        // a comma-separated list, read as a string: Payara cannot inject Optional<List<…>> into a constructor
        Optional<List<String>> offeredTypes = offered.filter(value -> !value.isBlank())
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).toList());
        this.byType = locks.stream()
                .filter(KeystoreLock::offered)
                .filter(lock -> offeredTypes.map(types -> types.contains(lock.type())).orElse(true))
                .collect(Collectors.toMap(KeystoreLock::type, Function.identity(),
                (a, b) -> a, TreeMap::new));
        if (!byType.containsKey(defaultType)) {
            throw new IllegalStateException("KMS_KEYSTORE_LOCK_DEFAULT: unknown keystore lock '" + defaultType
                    + "'; this server offers " + byType.keySet());
        }
        this.defaultType = defaultType;
    }

    /** Instantiates this bean at deployment, so a wrong {@code KMS_KEYSTORE_LOCK_DEFAULT} stops the start. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the constructor has done the check
    }

    /** The lock of the given type, or the default for {@code null}; 400 for a type this server does not offer. */
    public KeystoreLock byType(String type) {
        KeystoreLock lock = byType.get(type == null || type.isEmpty() ? defaultType : type);
        if (lock == null) {
            throw new InvalidRequestException("unsupported_secret_lock",
                    "secret_lock.type must be one of " + byType.keySet());
        }
        return lock;
    }

    /** The lock a stored keystore was created with. */
    public KeystoreLock of(SealedLock sealed) {
        KeystoreLock lock = byType.get(sealed.type());
        if (lock == null) {
            throw new IllegalStateException("keystore lock type " + sealed.type() + " is not offered by this server");
        }
        return lock;
    }
}
