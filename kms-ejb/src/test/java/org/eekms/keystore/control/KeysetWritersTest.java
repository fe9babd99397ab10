package org.eekms.keystore.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeysetWritersTest {

    private final List<Synchronization> endings = new CopyOnWriteArrayList<>();
    private final KeysetWriters cut = new KeysetWriters();

    KeysetWritersTest() {
        cut.transactions = (TransactionSynchronizationRegistry) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerInterposedSynchronization")) {
                        endings.add((Synchronization) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aSecondWriterOfTheKeysetWaitsUntilTheFirstTransactionEnds() throws Exception {
        cut.enter("keyset-1");
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> cut.enter("keyset-1"));
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second writer entered while the first transaction ran");
        endings.get(0).afterCompletion(Status.STATUS_COMMITTED);
        second.get(10, TimeUnit.SECONDS);
        assertTrue(second.isDone());
    }

    @Test
    void aRolledBackWriterLetsTheNextOneIn() throws Exception {
        cut.enter("keyset-2");
        endings.get(0).afterCompletion(Status.STATUS_ROLLEDBACK);
        CompletableFuture.runAsync(() -> cut.enter("keyset-2")).get(10, TimeUnit.SECONDS);
    }
}
