package org.eekms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eekms.it.KmsClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once on the embedded server: on one key (sign, verify, export, list and rotate, then a delete
 * racing with signs, verifies and exports) and on many keys (creates and signs). No call may hang past a bound, none may answer 5xx,
 * and every answer must fit some serial order of the calls: each signature verifies under a version the key had,
 * no rotation is lost, nothing started after the delete answered still works. Signatures are checked with the JDK.
 * {@code kms.it.concurrency.threads} and {@code .seconds} widen a run.
 */
class ConcurrencyIT {

    private static final int THREADS = Integer.getInteger("kms.it.concurrency.threads", 16);
    private static final int SECONDS = Integer.getInteger("kms.it.concurrency.seconds", 10);
    /** Past this, a worker that has not finished is taken to be stuck: a deadlock, or a request that never ends. */
    private static final long BOUND_SECONDS = SECONDS + 120L;

    private static EmbeddedServer server;

    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private KmsClient kms;
    private ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start(Path.of(System.getProperty("kms.it.data"), "concurrency-" + System.nanoTime()),
                "concurrency");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void client() {
        kms = new KmsClient(server.baseUrl());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @Test
    void oneKeyUnderManyThreadsBehavesAsSomeSerialOrder() throws Exception {
        String keystore = kms.createKeystore();
        Answer created = KmsClient.expect(200, kms.createKey(keystore, "ED25519"));
        String firstId = lastSegment(created.string("key_url"));
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ids.add(firstId);
        Queue<String> rotationIds = new ConcurrentLinkedQueue<>();
        Map<String, byte[]> exported = new ConcurrentHashMap<>(Map.of(firstId, created.bytes("public_key")));
        Queue<byte[][]> signatures = new ConcurrentLinkedQueue<>();
        Set<String> provenVersions = ConcurrentHashMap.newKeySet();
        AtomicReference<byte[][]> latest = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);

        runAll(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                String url = keystore + "/keys/" + any(ids, random);
                int choice = random.nextInt(20);
                if (choice < 10) {
                    byte[] message = message(random);
                    Answer signed = kms.post(url + "/sign", signBody(message));
                    if (ok(signed, "sign")) {
                        byte[][] signature = {message, signed.bytes("signature")};
                        signatures.add(signature);
                        latest.set(signature);
                    }
                } else if (choice < 13) {
                    Answer export = kms.get(url + "/export");
                    if (ok(export, "export")) {
                        byte[] publicKey = export.bytes("public_key");
                        exported.put(Ed25519.thumbprint(publicKey), publicKey);
                    }
                } else if (choice < 17) {
                    // the first signature was made by the first version, the latest most likely by a recent one
                    boolean first = random.nextBoolean();
                    byte[][] earlier = first ? signatures.peek() : latest.get();
                    if (earlier != null) {
                        ok(kms.post(url + "/verify", verifyBody(earlier)), "verify through " + url + " of the "
                                + (first ? "first" : "latest") + " signature");
                    }
                } else if (choice < 18) {
                    Answer list = kms.get(keystore + "/keys");
                    if (ok(list, "list")) {
                        check(list.json().getJsonArray("keys").size() == 1, "the keystore lists "
                                + list.json().getJsonArray("keys").size() + " keys instead of 1");
                    }
                } else {
                    Answer rotated = kms.post(url + "/rotate", "{}");
                    if (ok(rotated, "rotate")) {
                        String newId = lastSegment(rotated.string("key_url"));
                        ids.add(newId);
                        rotationIds.add(newId);
                        proveVersion(keystore, newId, exported, signatures, provenVersions);
                    }
                }
                calls.incrementAndGet();
            }
            return null;
        });

        // No lost update: every answered rotation made a distinct new version, and the key kept all of them.
        Set<String> distinctRotations = new HashSet<>(rotationIds);
        check(distinctRotations.size() == rotationIds.size() && !distinctRotations.contains(firstId),
                "rotations answered repeated ids: " + rotationIds);
        Set<String> finalIds = new HashSet<>(ids);
        byte[] primary = null;
        for (String id : finalIds) {
            Answer export = kms.get(keystore + "/keys/" + id + "/export");
            if (ok(export, "export " + id + " after the race")) {
                check(primary == null || Arrays.equals(primary, export.bytes("public_key")),
                        "the key's ids export different keys after the race");
                primary = export.bytes("public_key");
            }
        }
        String primaryId = Ed25519.thumbprint(primary);
        check(rotationIds.isEmpty() ? primaryId.equals(firstId) : distinctRotations.contains(primaryId),
                "the primary after the race, " + primaryId + ", is not the version of an answered rotation");
        for (String version : exported.keySet()) {
            check(finalIds.contains(version), "an export showed version " + version + " that no rotation answered");
        }
        int locally = verifyAll(keystore + "/keys/" + firstId, signatures, exported);
        int signatureCount = signatures.size();

        int raceCalls = deleteRacingWithEverything(keystore, finalIds, primary);

        System.out.println("ConcurrencyIT one key: " + THREADS + " threads, " + calls.get() + " calls in "
                + SECONDS + " s, " + rotationIds.size() + " rotations answered -> " + (rotationIds.size() + 1)
                + " key ids addressing one keyset, " + exported.size() + " versions seen as primary by export, "
                + provenVersions.size() + " versions proven kept by a signature of their own, " + signatureCount
                + " signatures verified by the server (" + locally + " also by the JDK under an exported version), "
                + raceCalls + " calls racing the delete, " + problems.size() + " problems");
        assertNoProblems();
        assertTrue(rotationIds.size() > 0 && signatureCount > 0, "the race rotated and signed");
    }

    /**
     * Right after its rotation answers, signs through the new id between two exports: when both exports show the new
     * version (versions only ever move forward), that signature was made by it, and verifying it at the end proves
     * the keyset still holds the version.
     */
    private void proveVersion(String keystore, String id, Map<String, byte[]> exported, Queue<byte[][]> signatures,
            Set<String> proven) {
        String url = keystore + "/keys/" + id;
        Answer before = kms.get(url + "/export");
        byte[] message = ("made by version " + id).getBytes(StandardCharsets.UTF_8);
        Answer signed = kms.post(url + "/sign", signBody(message));
        Answer after = kms.get(url + "/export");
        if (ok(before, "export") && ok(signed, "sign") && ok(after, "export")) {
            String versionBefore = Ed25519.thumbprint(before.bytes("public_key"));
            exported.put(versionBefore, before.bytes("public_key"));
            signatures.add(new byte[][] {message, signed.bytes("signature")});
            if (versionBefore.equals(id) && Ed25519.thumbprint(after.bytes("public_key")).equals(id)) {
                check(Ed25519.verifies(before.bytes("public_key"), message, signed.bytes("signature")),
                        "a signature made while " + id + " was primary does not verify under it");
                proven.add(id);
            }
        }
    }

    /** Every signature verifies at the server (all versions are kept); returns how many the JDK also verified. */
    private int verifyAll(String url, Queue<byte[][]> signatures, Map<String, byte[]> exported) throws Exception {
        List<byte[][]> all = new ArrayList<>(signatures);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger locally = new AtomicInteger();
        runAll(() -> {
            for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                byte[][] signature = all.get(i);
                ok(kms.post(url + "/verify", verifyBody(signature)), "verify after the race");
                if (exported.values().stream().anyMatch(k -> Ed25519.verifies(k, signature[0], signature[1]))) {
                    locally.incrementAndGet();
                }
            }
            return null;
        });
        return locally.get();
    }

    /**
     * Signs, verifies and exports on every thread while one deletes the key: each answer is 200 or 404, and no call
     * that started after the delete answered succeeds. Afterwards every id answers 404 to everything.
     */
    private int deleteRacingWithEverything(String keystore, Set<String> ids, byte[] primary) throws Exception {
        List<String> idList = List.copyOf(ids);
        byte[] message = "racing the delete".getBytes(StandardCharsets.UTF_8);
        byte[] signature = KmsClient.expect(200, kms.post(keystore + "/keys/" + idList.get(0) + "/sign",
                signBody(message))).bytes("signature");
        AtomicLong deleteAnsweredAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean deleterChosen = new AtomicBoolean();
        long deleteAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        runAll(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (deleterChosen.compareAndSet(false, true)) {
                while (System.nanoTime() < deleteAt) {
                    Thread.sleep(5);
                }
                Answer deleted = kms.delete(keystore + "/keys/" + idList.get(random.nextInt(idList.size())));
                deleteAnsweredAt.set(System.nanoTime());
                ok(deleted, "delete");
                return null;
            }
            while (System.nanoTime() < deleteAt + TimeUnit.SECONDS.toNanos(3)) {
                String url = keystore + "/keys/" + idList.get(random.nextInt(idList.size()));
                long started = System.nanoTime();
                int choice = random.nextInt(10);
                Answer answer;
                if (choice < 6) {
                    answer = kms.post(url + "/sign", signBody(message));
                    if (answer.status() == 200) {
                        check(Ed25519.verifies(primary, message, answer.bytes("signature")),
                                "a signature racing the delete does not verify under the primary");
                    }
                } else if (choice < 8) {
                    answer = kms.post(url + "/verify", verifyBody(new byte[][] {message, signature}));
                } else {
                    answer = kms.get(url + "/export");
                    if (answer.status() == 200) {
                        check(Arrays.equals(primary, answer.bytes("public_key")), "an export racing the delete"
                                + " shows another key than the primary");
                    }
                }
                calls.incrementAndGet();
                check(answer.status() == 200 || answer.status() == 404, "racing the delete: "
                        + answer.status() + " " + answer.body());
                check(answer.status() != 200 || started < deleteAnsweredAt.get(),
                        "a call started after the delete answered succeeded: " + answer.body());
            }
            return null;
        });
        for (String id : ids) {
            String url = keystore + "/keys/" + id;
            gone(kms.get(url + "/export"), "export " + id);
            gone(kms.post(url + "/sign", signBody(message)), "sign " + id);
            gone(kms.post(url + "/verify", verifyBody(new byte[][] {message, signature})), "verify " + id);
            gone(kms.post(url + "/rotate", "{}"), "rotate " + id);
            gone(kms.delete(url), "delete " + id);
        }
        Answer list = kms.get(keystore + "/keys");
        if (ok(list, "list after the delete")) {
            check(list.json().getJsonArray("keys").isEmpty(), "the deleted key is still listed: " + list.body());
        }
        return calls.get();
    }

    @Test
    void manyKeysCreatedAndUsedAtOnceAreAllThereAndConsistent() throws Exception {
        List<String> keystores = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            keystores.add(kms.createKeystore());
        }
        List<String[]> keys = new CopyOnWriteArrayList<>(); // {keystore, id, base64 public key}
        AtomicInteger signed = new AtomicInteger();
        AtomicInteger listed = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);

        runAll(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                int choice = random.nextInt(20);
                if (choice < 6 || keys.isEmpty()) {
                    String keystore = keystores.get(random.nextInt(keystores.size()));
                    Answer created = kms.createKey(keystore, "ED25519");
                    if (ok(created, "create")) {
                        String id = lastSegment(created.string("key_url"));
                        check(Ed25519.thumbprint(created.bytes("public_key")).equals(id), "created key " + id
                                + " is not its public key's thumbprint");
                        keys.add(new String[] {keystore, id, created.string("public_key")});
                    }
                } else if (choice < 18) {
                    String[] key = keys.get(random.nextInt(keys.size()));
                    byte[] message = message(random);
                    Answer signature = kms.post(key[0] + "/keys/" + key[1] + "/sign", signBody(message));
                    if (ok(signature, "sign")) {
                        check(Ed25519.verifies(Base64.getDecoder().decode(key[2]), message,
                                signature.bytes("signature")), "key " + key[1] + " signed with another key");
                        signed.incrementAndGet();
                    }
                } else if (choice < 19) {
                    ok(kms.get(keystores.get(random.nextInt(keystores.size())) + "/keys"), "list");
                    listed.incrementAndGet();
                } else {
                    keystores.add(kms.createKeystore());
                }
            }
            return null;
        });

        Map<String, Set<String>> expected = new ConcurrentHashMap<>();
        keystores.forEach(keystore -> expected.put(keystore, new HashSet<>()));
        keys.forEach(key -> expected.get(key[0]).add(key[1]));
        for (var entry : expected.entrySet()) {
            Answer list = kms.get(entry.getKey() + "/keys");
            if (ok(list, "list after the race")) {
                Set<String> ids = new HashSet<>();
                for (JsonObject item : list.json().getJsonArray("keys").getValuesAs(JsonObject.class)) {
                    ids.add(lastSegment(item.getString("key_url")));
                }
                check(ids.equals(entry.getValue()), entry.getKey() + " lists " + ids.size() + " keys, "
                        + entry.getValue().size() + " were created in it");
            }
        }
        AtomicInteger next = new AtomicInteger();
        runAll(() -> {
            for (int i = next.getAndIncrement(); i < keys.size(); i = next.getAndIncrement()) {
                String[] key = keys.get(i);
                Answer export = kms.get(key[0] + "/keys/" + key[1] + "/export");
                if (ok(export, "export after the race")) {
                    check(key[2].equals(export.string("public_key")), "key " + key[1] + " exports another key");
                }
            }
            return null;
        });
        System.out.println("ConcurrencyIT many keys: " + THREADS + " threads, " + keys.size() + " keys created in "
                + keystores.size() + " keystores in " + SECONDS + " s, " + signed.get() + " signatures verified by"
                + " the JDK, " + listed.get() + " lists during the race; afterwards every list matched and "
                + keys.size() + " keys exported what their create answered; " + problems.size() + " problems");
        assertNoProblems();
        assertTrue(keys.size() > 0 && signed.get() > 0, "the race created and signed");
    }

    /** Runs the task on every thread and waits, within the bound, for all of them. */
    private void runAll(Callable<Void> task) throws Exception {
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(task));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        for (Future<Void> future : futures) {
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stuck) {
                pool.shutdownNow();
                throw new AssertionError("a client is still waiting " + BOUND_SECONDS + " s after it started:"
                        + " deadlock or a request that never ends");
            }
        }
    }

    private boolean ok(Answer answer, String what) {
        return check(answer.status() == 200, what + ": " + answer.status() + " " + answer.body());
    }

    private void gone(Answer answer, String what) {
        check(answer.status() == 404, what + " after the delete: " + answer.status() + " " + answer.body());
    }

    private boolean check(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return condition;
    }

    private void assertNoProblems() {
        pool.shutdown();
        assertEquals(List.of(), problems.stream().distinct().limit(20).toList(), problems.size() + " problems");
    }

    private static String any(Set<String> ids, ThreadLocalRandom random) {
        List<String> list = List.copyOf(ids);
        return list.get(random.nextInt(list.size()));
    }

    private static byte[] message(ThreadLocalRandom random) {
        byte[] message = new byte[1 + random.nextInt(64)];
        random.nextBytes(message);
        return message;
    }

    private static String signBody(byte[] message) {
        return KmsClient.json().add("message", KmsClient.b64(message)).build().toString();
    }

    private static String verifyBody(byte[][] signed) {
        return KmsClient.json().add("signature", KmsClient.b64(signed[1])).add("message", KmsClient.b64(signed[0]))
                .build().toString();
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
