package org.eekms.metrics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eekms.keystore.control.KeyCache;
import org.eekms.problem.KmsException;
import org.eekms.secretlock.boundary.MasterKeyRotation;
import org.eekms.secretlock.boundary.RewrapProgress;
import org.eekms.secretlock.control.LockCredentials;

/** The {@link KmsManagementMXBean}, registered in the platform MBean server while the application is deployed. */
@Singleton
@Startup
@DependsOn("MasterKeyRotation")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KmsManagement implements KmsManagementMXBean {

    static final String NAME = "eekms:type=Management";
    private static final Logger LOG = Logger.getLogger(KmsManagement.class.getName());
    /** Whoever reaches the server's JMX has passed the server's administrator authentication. */
    private static final LockCredentials JMX_ADMIN = new LockCredentials(null, List.of(), null, null, "jmx", true);

    @Inject
    KeyCache keyCache;

    @Inject
    MasterKeyRotation rotation;

    private ObjectName name;

    @PostConstruct
    void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException e) {
            LOG.warning(() -> "the management MBean is not available: " + e.getMessage());
            name = null;
        }
    }

    @PreDestroy
    void unregister() {
        try {
            if (name != null) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.fine(() -> "unregistering the management MBean: " + e.getMessage());
        }
    }

    @Override
    public long getCachedKeys() {
        return keyCache.statistics().estimatedSize();
    }

    @Override
    public double getKeyCacheHitRatio() {
        var stats = keyCache.statistics().stats();
        return stats.requestCount() == 0 ? Double.NaN : stats.hitRate();
    }

    @Override
    public String getMasterKeyRewrap() {
        try {
            return describe(rotation.progress(JMX_ADMIN));
        } catch (KmsException none) {
            return "none";
        }
    }

    @Override
    public void flushKeyCache() {
        keyCache.flush();
        LOG.info("key cache flushed through JMX");
    }

    @Override
    public String startMasterKeyRewrap() {
        try {
            return describe(rotation.start(JMX_ADMIN));
        } catch (KmsException e) {
            return e.getMessage();
        }
    }

    private static String describe(RewrapProgress progress) {
        return progress.phase() + ": " + progress.checked() + " of " + progress.total() + " checked, "
                + progress.resealed() + " re-sealed" + (progress.running() ? ", running" : "");
    }
}
