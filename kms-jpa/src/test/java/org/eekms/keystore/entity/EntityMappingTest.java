package org.eekms.keystore.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entity mapping against the real schema: an in-memory H2 database (default mode) is migrated with the Flyway
 * scripts the server runs, then Hibernate starts the {@code kms-test} unit with {@code hbm2ddl.auto=validate}, so
 * any column the entities map differently from the migrations fails here before anything else runs.
 */
class EntityMappingTest {

    /** The database of the {@code kms-test} unit (src/test/resources/META-INF/persistence.xml). */
    static final String JDBC_URL = "jdbc:h2:mem:kms-entity-test;DB_CLOSE_DELAY=-1";

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static EntityManagerFactory emf;

    @BeforeAll
    static void migrateAndBootstrap() {
        MigrateResult migration = Flyway.configure(EntityMappingTest.class.getClassLoader())
                .dataSource(JDBC_URL, "sa", "")
                .locations("classpath:db/migration/kms")
                .load()
                .migrate();
        assertTrue(migration.success);
        assertTrue(migration.migrationsExecuted >= 1, "the real migrations ran");
        // Fails with a SchemaManagementException when an entity does not match the migrated schema.
        emf = Persistence.createEntityManagerFactory("kms-test");
        assertEquals(JDBC_URL, emf.getProperties().get("jakarta.persistence.jdbc.url"),
                "the unit must use the database Flyway migrated");
    }

    @AfterAll
    static void close() {
        if (emf != null) {
            emf.close();
        }
    }

    @Test
    void keystoreRoundTrips() {
        byte[] sealed = bytes(60, 7);
        Keystore stored = new Keystore(uniqueId("ks"), "did:example:controller", "key", "{\"a\":1}", sealed, T0);
        inTransaction(em -> em.persist(stored));

        Keystore loaded = read(em -> em.find(Keystore.class, stored.id()));
        assertNotNull(loaded);
        assertNotSame(stored, loaded);
        assertEquals(stored, loaded);
        assertEquals("did:example:controller", loaded.controller());
        assertEquals("key", loaded.lockType());
        assertEquals("{\"a\":1}", loaded.lockParameters());
        assertArrayEquals(sealed, loaded.sealedLockKey());
        assertEquals(T0, loaded.createdAt());
    }

    @Test
    void keystoreWithoutSealedKeyOrParametersRoundTrips() {
        Keystore stored = new Keystore(uniqueId("ks"), "urn:controller", "none", null, null, T0);
        inTransaction(em -> em.persist(stored));

        Keystore loaded = read(em -> em.find(Keystore.class, stored.id()));
        assertNull(loaded.lockParameters());
        assertNull(loaded.sealedLockKey());
    }

    @Test
    void wrappedKeysetRoundTripsItsSealedBytes() {
        Keystore keystore = newKeystore();
        byte[] sealed = bytes(300, 1); // every byte value, zeros included
        WrappedKeyset stored = new WrappedKeyset(uniqueId("set"), keystore.id(), "ED25519", "kid-1", sealed, T0);
        sealed[0] ^= 1; // the entity took a copy
        inTransaction(em -> em.persist(stored));

        WrappedKeyset loaded = read(em -> em.find(WrappedKeyset.class, stored.id()));
        assertNotSame(stored, loaded);
        assertEquals(stored, loaded);
        assertEquals(keystore.id(), loaded.keystoreId());
        assertEquals("ED25519", loaded.keyType());
        assertEquals("kid-1", loaded.primaryKeyId());
        assertArrayEquals(bytes(300, 1), loaded.sealedKeyset());
        assertEquals(T0, loaded.createdAt());
        assertEquals(T0, loaded.updatedAt());
        assertEquals(0L, rowVersion(stored.id()));
    }

    @Test
    void rotationUpdatesTheKeysetAndIncrementsItsVersion() {
        Keystore keystore = newKeystore();
        WrappedKeyset stored = new WrappedKeyset(uniqueId("set"), keystore.id(), "AES256GCM", "kid-1",
                bytes(48, 3), T0);
        inTransaction(em -> em.persist(stored));
        assertEquals(0L, rowVersion(stored.id()));

        Instant later = T0.plusSeconds(3600);
        inTransaction(em -> em.find(WrappedKeyset.class, stored.id()).rotated("kid-2", bytes(96, 5), later));
        assertEquals(1L, rowVersion(stored.id()));

        WrappedKeyset loaded = read(em -> em.find(WrappedKeyset.class, stored.id()));
        assertEquals("kid-2", loaded.primaryKeyId());
        assertArrayEquals(bytes(96, 5), loaded.sealedKeyset());
        assertEquals(T0, loaded.createdAt());
        assertEquals(later, loaded.updatedAt());

        inTransaction(em -> em.find(WrappedKeyset.class, stored.id()).rotated("kid-3", bytes(97, 6), later));
        assertEquals(2L, rowVersion(stored.id()));
    }

    @Test
    void concurrentRotationsConflictOnTheVersion() {
        Keystore keystore = newKeystore();
        WrappedKeyset stored = new WrappedKeyset(uniqueId("set"), keystore.id(), "AES256GCM", "kid-1",
                bytes(48, 3), T0);
        inTransaction(em -> em.persist(stored));

        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            WrappedKeyset a = first.find(WrappedKeyset.class, stored.id());
            WrappedKeyset b = second.find(WrappedKeyset.class, stored.id());

            a.rotated("kid-a", bytes(50, 1), T0.plusSeconds(1));
            first.getTransaction().commit();

            b.rotated("kid-b", bytes(50, 2), T0.plusSeconds(2));
            PersistenceException e = assertThrows(PersistenceException.class, () -> second.getTransaction().commit());
            assertTrue(causes(e).stream().anyMatch(OptimisticLockException.class::isInstance)
                    || e instanceof OptimisticLockException, () -> "not an optimistic lock failure: " + e);
        } finally {
            rollbackIfActive(second);
            rollbackIfActive(first);
            first.close();
            second.close();
        }
        assertEquals("kid-a", read(em -> em.find(WrappedKeyset.class, stored.id())).primaryKeyId());
        assertEquals(1L, rowVersion(stored.id()));
    }

    @Test
    void keyNameRoundTripsWithItsEmbeddedAddress() {
        Keystore keystore = newKeystore();
        WrappedKeyset keyset = newKeyset(keystore, T0);
        KeyAddress address = new KeyAddress(keystore.id(), "my-key");
        inTransaction(em -> em.persist(new KeyName(address, keyset.id())));

        KeyName loaded = read(em -> em.find(KeyName.class, new KeyAddress(keystore.id(), "my-key")));
        assertNotNull(loaded);
        assertEquals(address, loaded.address());
        assertEquals(keystore.id(), loaded.address().keystoreId());
        assertEquals("my-key", loaded.address().keyId());
        assertEquals(keyset.id(), loaded.keysetId());

        assertNull(read(em -> em.find(KeyName.class, new KeyAddress(keystore.id(), "other-key"))));
    }

    @Test
    void keyIdsAreUniquePerKeystoreOnly() {
        Keystore one = newKeystore();
        Keystore two = newKeystore();
        WrappedKeyset inOne = newKeyset(one, T0);
        WrappedKeyset inTwo = newKeyset(two, T0);
        inTransaction(em -> {
            em.persist(new KeyName(new KeyAddress(one.id(), "same"), inOne.id()));
            em.persist(new KeyName(new KeyAddress(two.id(), "same"), inTwo.id()));
        });

        assertEquals(inOne.id(), read(em -> em.find(KeyName.class, new KeyAddress(one.id(), "same"))).keysetId());
        assertEquals(inTwo.id(), read(em -> em.find(KeyName.class, new KeyAddress(two.id(), "same"))).keysetId());
    }

    @Test
    void aSecondKeyNameWithTheSameAddressViolatesThePrimaryKey() {
        Keystore keystore = newKeystore();
        WrappedKeyset first = newKeyset(keystore, T0);
        WrappedKeyset second = newKeyset(keystore, T0.plusSeconds(1));
        inTransaction(em -> em.persist(new KeyName(new KeyAddress(keystore.id(), "taken"), first.id())));

        PersistenceException e = assertThrows(PersistenceException.class, () -> inTransaction(
                em -> em.persist(new KeyName(new KeyAddress(keystore.id(), "taken"), second.id()))));
        SQLException sql = causes(e).stream().filter(SQLException.class::isInstance).map(SQLException.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no SQLException behind " + e, e));
        assertEquals("23505", sql.getSQLState(), "a unique (primary key) violation");

        assertEquals(first.id(),
                read(em -> em.find(KeyName.class, new KeyAddress(keystore.id(), "taken"))).keysetId());
    }

    @Test
    void inKeystoreListsTheKeystoresKeysetsByCreationTime() {
        Keystore keystore = newKeystore();
        Keystore other = newKeystore();
        WrappedKeyset newest = newKeyset(keystore, T0.plusSeconds(300));
        WrappedKeyset oldest = newKeyset(keystore, T0);
        WrappedKeyset middle = newKeyset(keystore, T0.plusSeconds(60));
        newKeyset(other, T0.plusSeconds(120));

        List<WrappedKeyset> found = read(em -> em.createNamedQuery(WrappedKeyset.IN_KEYSTORE, WrappedKeyset.class)
                .setParameter("keystoreId", keystore.id())
                .getResultList());

        assertEquals(List.of(oldest.id(), middle.id(), newest.id()), ids(found));
        assertTrue(read(em -> em.createNamedQuery(WrappedKeyset.IN_KEYSTORE, WrappedKeyset.class)
                .setParameter("keystoreId", "no-such-keystore")
                .getResultList()).isEmpty());
    }

    @Test
    void inKeystoreOrdersKeysetsCreatedAtTheSameTimeById() {
        Keystore keystore = newKeystore();
        String prefix = uniqueId("tie");
        // Inserted in reverse id order, all with the same creation time.
        for (String suffix : List.of("c", "b", "a")) {
            WrappedKeyset keyset = new WrappedKeyset(prefix + suffix, keystore.id(), "AES256GCM", "kid-" + suffix,
                    bytes(16, 1), T0);
            inTransaction(em -> em.persist(keyset));
        }

        List<WrappedKeyset> found = read(em -> em.createNamedQuery(WrappedKeyset.IN_KEYSTORE, WrappedKeyset.class)
                .setParameter("keystoreId", keystore.id())
                .getResultList());

        assertEquals(List.of(prefix + "a", prefix + "b", prefix + "c"), ids(found));
    }

    @Test
    void ofKeysetListsEveryNameOfOneKeyset() {
        Keystore keystore = newKeystore();
        WrappedKeyset rotated = newKeyset(keystore, T0);
        WrappedKeyset other = newKeyset(keystore, T0);
        inTransaction(em -> {
            em.persist(new KeyName(new KeyAddress(keystore.id(), "original"), rotated.id()));
            em.persist(new KeyName(new KeyAddress(keystore.id(), "after-rotation"), rotated.id()));
            em.persist(new KeyName(new KeyAddress(keystore.id(), "unrelated"), other.id()));
        });

        List<KeyName> names = read(em -> em.createNamedQuery(KeyName.OF_KEYSET, KeyName.class)
                .setParameter("keysetId", rotated.id())
                .getResultList());

        assertEquals(2, names.size());
        assertEquals(
                List.of(new KeyAddress(keystore.id(), "after-rotation"), new KeyAddress(keystore.id(), "original")),
                names.stream().map(KeyName::address).sorted((x, y) -> x.keyId().compareTo(y.keyId())).toList());
        assertTrue(names.stream().allMatch(n -> n.keysetId().equals(rotated.id())));

        assertTrue(read(em -> em.createNamedQuery(KeyName.OF_KEYSET, KeyName.class)
                .setParameter("keysetId", "no-such-keyset")
                .getResultList()).isEmpty());
    }

    @Test
    void auditEventsRoundTripWithTheirHashes() {
        org.eekms.audit.entity.AuditEvent event = new org.eekms.audit.entity.AuditEvent(1000L + SEQUENCE.incrementAndGet(),
                T0, "did:example:alice", "c7v2k2mr0ui3e8a215n0", "kid-1", "POST sign", "200", bytes(32, 3),
                bytes(32, 5));
        inTransaction(em -> em.persist(event));
        org.eekms.audit.entity.AuditEvent loaded = read(em -> em.find(org.eekms.audit.entity.AuditEvent.class,
                event.seq()));
        assertEquals(T0, loaded.occurredAt());
        assertEquals("did:example:alice", loaded.actor());
        assertEquals("kid-1", loaded.keyId());
        assertEquals("POST sign", loaded.operation());
        assertArrayEquals(bytes(32, 3), loaded.previousHash());
        assertArrayEquals(bytes(32, 5), loaded.hash());
    }

    @Test
    void toStringNeverShowsSealedBytes() {
        byte[] sealed = "SEALED-SECRET-MATERIAL-0123456789".getBytes(StandardCharsets.US_ASCII);
        Keystore keystore = new Keystore(uniqueId("ks"), "urn:controller", "key", "{}", sealed, T0);
        WrappedKeyset keyset = new WrappedKeyset(uniqueId("set"), keystore.id(), "ED25519", "kid", sealed, T0);
        KeyName name = new KeyName(new KeyAddress(keystore.id(), "kid"), keyset.id());
        inTransaction(em -> {
            em.persist(keystore);
            em.persist(keyset);
            em.persist(name);
        });

        List<Object> entities = List.of(keystore, keyset, name, name.address(),
                read(em -> em.find(Keystore.class, keystore.id())),
                read(em -> em.find(WrappedKeyset.class, keyset.id())),
                read(em -> em.find(KeyName.class, name.address())));
        for (Object entity : entities) {
            String text = entity.toString();
            assertFalse(text.contains("[B@"), text);
            assertFalse(text.contains(new String(sealed, StandardCharsets.US_ASCII)), text);
            assertFalse(text.contains("SEALED"), text);
            assertFalse(text.contains(Arrays.toString(sealed)), text);
            assertFalse(text.contains(HexFormat.of().formatHex(sealed)), text);
            assertFalse(text.contains(Base64.getEncoder().encodeToString(sealed)), text);
        }
        assertTrue(keyset.toString().contains(keyset.id()), "the id is what a log line needs");
    }

    @Test
    void accessorsHandOutCopiesOfSealedBytes() {
        Keystore keystore = new Keystore("ks", "c", "key", null, bytes(8, 1), T0);
        keystore.sealedLockKey()[0] ^= 1;
        assertArrayEquals(bytes(8, 1), keystore.sealedLockKey());

        WrappedKeyset keyset = new WrappedKeyset("set", "ks", "ED25519", "kid", bytes(8, 1), T0);
        keyset.sealedKeyset()[0] ^= 1;
        assertArrayEquals(bytes(8, 1), keyset.sealedKeyset());

        byte[] rotatedBytes = bytes(8, 2);
        keyset.rotated("kid-2", rotatedBytes, T0);
        rotatedBytes[0] ^= 1;
        assertArrayEquals(bytes(8, 2), keyset.sealedKeyset());
    }

    // --- helpers

    private static Keystore newKeystore() {
        Keystore keystore = new Keystore(uniqueId("ks"), "urn:controller", "key", null, bytes(60, 9), T0);
        inTransaction(em -> em.persist(keystore));
        return keystore;
    }

    private static WrappedKeyset newKeyset(Keystore keystore, Instant createdAt) {
        WrappedKeyset keyset = new WrappedKeyset(uniqueId("set"), keystore.id(), "AES256GCM", uniqueId("kid"),
                bytes(40, 2), createdAt);
        inTransaction(em -> em.persist(keyset));
        return keyset;
    }

    /** Ids unique across the tests of this class, which share one database; short enough for every id column. */
    private static String uniqueId(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * seed);
        }
        return bytes;
    }

    private static List<String> ids(List<WrappedKeyset> keysets) {
        return keysets.stream().map(WrappedKeyset::id).collect(Collectors.toList());
    }

    private static long rowVersion(String keysetId) {
        Object version = read(em -> em.createNativeQuery("select row_version from wrapped_keyset where id = ?1")
                .setParameter(1, keysetId)
                .getSingleResult());
        return assertInstanceOf(Number.class, version).longValue();
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            work.accept(em);
            tx.commit();
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Reads in a fresh persistence context, so results come from the database and not from a cache. */
    private static <T> T read(Function<EntityManager, T> query) {
        EntityManager em = emf.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    private static void rollbackIfActive(EntityManager em) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
