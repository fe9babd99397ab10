package org.eekms.keystore.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.keystore.entity.KeyChange;
import org.junit.jupiter.api.Test;

/** How a node applies the changes other nodes record: each once, late commits included, old ones not again. */
class ClusterInvalidationTest {

    private static final KeyAddress A = new KeyAddress("ks", "a");
    private static final KeyAddress B = new KeyAddress("ks", "b");

    private final List<KeyChange> table = new ArrayList<>();
    private final KeyChanges changes = new KeyChanges() {
        @Override
        public List<KeyChange> since(Instant since) {
            return table.stream().filter(change -> change.changedAt().isAfter(since)).toList();
        }

        @Override
        public int prune(Instant before) {
            int size = table.size();
            table.removeIf(change -> change.changedAt().isBefore(before));
            return size - table.size();
        }
    };
    private final KeyCache cache = new KeyCache(100, Duration.ofMinutes(10));
    private final ClusterInvalidation node = new ClusterInvalidation();

    ClusterInvalidationTest() {
        node.changes = changes;
        node.cache = cache;
        node.interval = Duration.ZERO; // no scheduler: the test drives poll()
    }

    @Test
    void aChangeElsewhereEvictsTheKeyHereOnceAndLateCommitsAreCaught() throws Exception {
        OpenKey cachedA = cache(A);
        change(2, A, Instant.now());
        assertEquals(1, node.poll());
        assertNotSame(cachedA, cache(A), "evicted: the next use reads the database");
        OpenKey reloaded = cache(A);
        assertEquals(0, node.poll(), "a change is applied once");
        assertSame(reloaded, cache(A));

        // id 1 committed after id 2 was read: still inside the window, so still applied
        OpenKey cachedB = cache(B);
        change(1, B, Instant.now().minusSeconds(5));
        assertEquals(1, node.poll());
        assertNotSame(cachedB, cache(B));
    }

    @Test
    void changesOutsideTheWindowAreNotReadAndOldRowsArePruned() throws Exception {
        change(1, A, Instant.now().minus(ClusterInvalidation.WINDOW).minusSeconds(1));
        change(2, B, Instant.now().minus(ClusterInvalidation.RETAIN).minusSeconds(1));
        OpenKey cachedA = cache(A);
        assertEquals(0, node.poll());
        assertSame(cachedA, cache(A));
        assertEquals(1, table.size(), "the row older than the retention is gone");
    }

    private OpenKey cache(KeyAddress address) {
        return cache.get(address, ignored -> new OpenKey("keyset", null, Optional.empty(), null, null));
    }

    private void change(long id, KeyAddress address, Instant at) throws Exception {
        KeyChange change = new KeyChange(address, at);
        Field field = KeyChange.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(change, id);
        table.add(change);
    }
}
