package org.eekms.keystore.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eekms.keystore.entity.KeyAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private static final KeyAddress ADDRESS = new KeyAddress("keystore", "key");

    private final List<Synchronization> transaction = new ArrayList<>();
    private KeyCache cut;

    @BeforeEach
    void cache() {
        cut = new KeyCache(100, Duration.ofMinutes(10));
        cut.transactions = new OneTransaction(transaction);
    }

    @Test
    void keepsWhatItLoaded() {
        assertEquals("first", cut.get(ADDRESS, a -> key("first")).keysetId());
        assertEquals("first", cut.get(ADDRESS, a -> key("second")).keysetId());
    }

    @Test
    void whatIsLoadedWhileAChangeRunsIsServedButNotKeptPastItsCommit() {
        cut.get(ADDRESS, a -> key("before"));
        cut.evictAfterCommit(List.of(ADDRESS));
        // read before the commit: the old state, right for this caller, wrong for any caller after the commit
        assertEquals("read before the commit", cut.get(ADDRESS, a -> key("read before the commit")).keysetId());
        assertEquals("read after the commit", cut.get(ADDRESS, a -> key("read after the commit")).keysetId());
        commit();
        assertEquals("after the end", cut.get(ADDRESS, a -> key("after the end")).keysetId());
        assertEquals("after the end", cut.get(ADDRESS, a -> key("not loaded again")).keysetId());
    }

    @Test
    void anotherKeyIsCachedWhileAChangeRuns() {
        cut.evictAfterCommit(List.of(ADDRESS));
        KeyAddress other = new KeyAddress("keystore", "other");
        cut.get(other, a -> key("other"));
        assertEquals("other", cut.get(other, a -> key("loaded again")).keysetId());
        commit();
    }

    @Test
    void overlappingChangesKeepCachingOffUntilTheLastEnds() {
        cut.evictAfterCommit(List.of(ADDRESS));
        cut.evictAfterCommit(List.of(ADDRESS));
        transaction.remove(0).afterCompletion(Status.STATUS_ROLLEDBACK);
        cut.get(ADDRESS, a -> key("during the second"));
        assertEquals("still during it", cut.get(ADDRESS, a -> key("still during it")).keysetId());
        commit();
        cut.get(ADDRESS, a -> key("after both"));
        assertEquals("after both", cut.get(ADDRESS, a -> key("not loaded again")).keysetId());
    }

    private void commit() {
        transaction.forEach(sync -> sync.afterCompletion(Status.STATUS_COMMITTED));
        transaction.clear();
    }

    private static OpenKey key(String keysetId) {
        return new OpenKey(keysetId, null, Optional.empty(), null, null);
    }

    /** Collects the synchronizations of the one transaction a test runs; the test ends it. */
    private record OneTransaction(List<Synchronization> synchronizations) implements TransactionSynchronizationRegistry {
        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
