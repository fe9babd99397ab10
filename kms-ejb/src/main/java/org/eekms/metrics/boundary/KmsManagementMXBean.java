package org.eekms.metrics.boundary;

/**
 * What an administrator sees and does in the application server's JMX console ({@code eekms:type=Management}), next
 * to the meters under the {@code eekms} domain. JMX access is the server's to secure (its admin credentials).
 */
public interface KmsManagementMXBean {

    /** Keys opened and cached on this node. */
    long getCachedKeys();

    /** Share of key lookups served by the cache since start (NaN before the first). */
    double getKeyCacheHitRatio();

    /** The master-key re-sealing: its phase and counts, or "none". */
    String getMasterKeyRewrap();

    /** Empties this node's key cache: the next use of each key reads and unseals it again. */
    void flushKeyCache();

    /** Starts (or joins) re-sealing everything under the current master lock; answers the progress. */
    String startMasterKeyRewrap();
}
