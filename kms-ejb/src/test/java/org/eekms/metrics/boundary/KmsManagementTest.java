package org.eekms.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eekms.keystore.control.KeyCache;
import org.eekms.keystore.control.OpenKey;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.secretlock.boundary.MasterKeyRotation;
import org.eekms.secretlock.boundary.RewrapProgress;
import org.eekms.secretlock.control.LockCredentials;
import org.junit.jupiter.api.Test;

/** The management MBean as a JMX console sees it: attributes and operations through the platform MBean server. */
class KmsManagementTest {

    @Test
    void anAdministratorSeesTheCacheFlushesItAndFollowsTheRewrap() throws Exception {
        KeyCache cache = new KeyCache(100, Duration.ofMinutes(10));
        cache.get(new KeyAddress("ks", "k"), address -> new OpenKey("keyset", null, Optional.empty(), null, null));
        cache.get(new KeyAddress("ks", "k"), address -> null);
        KmsManagement management = new KmsManagement();
        management.keyCache = cache;
        management.rotation = new MasterKeyRotation() {
            @Override
            public RewrapProgress progress(LockCredentials credentials) {
                assertTrue(credentials.admin());
                return new RewrapProgress("keystores", 10, 4, 3, Instant.EPOCH, Instant.EPOCH, null, true);
            }
        };
        management.register();
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(KmsManagement.NAME);
            assertEquals(1L, server.getAttribute(name, "CachedKeys"));
            assertEquals(0.5, (double) server.getAttribute(name, "KeyCacheHitRatio"), 1e-9);
            assertEquals("keystores: 4 of 10 checked, 3 re-sealed, running", server.getAttribute(name, "MasterKeyRewrap"));
            server.invoke(name, "flushKeyCache", null, null);
            assertEquals(0L, server.getAttribute(name, "CachedKeys"));
        } finally {
            management.unregister();
        }
        assertTrue(!ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(KmsManagement.NAME)));
    }
}
