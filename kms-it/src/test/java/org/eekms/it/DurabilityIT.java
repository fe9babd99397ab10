package org.eekms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eekms.it.KmsClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * Durability under SIGKILL. Each round, client threads create Ed25519 keys, rotate and delete them on the embedded
 * server and record every answer; the server is killed (SIGKILL: no shutdown hook, nothing flushed) at a random
 * moment while they work, and restarted on the same data folder and port. Then every write that answered 200 must
 * be there: created keys export and sign (checked with the JDK), rotations show their new primary and keep the
 * signatures made before them verifying, deleted keys answer 404 under every id they had. A write whose request got
 * no answer must have happened entirely or not at all, and the key lists must agree with the keys themselves.
 * {@code kms.it.durability.rounds}, {@code .workers} and {@code .seed} (printed) repeat or widen a run.
 */
class DurabilityIT {

    private static final int ROUNDS = Integer.getInteger("kms.it.durability.rounds", 3);
    private static final int WORKERS = Integer.getInteger("kms.it.durability.workers", 4);
    /** Answered writes a round waits for before its kill timer starts, so that every kill hits a server at work. */
    private static final int WRITES_BEFORE_KILL_TIMER = 8;
    private static final int MAX_KILL_DELAY_MS = 1500;

    private enum State { LIVE, ROTATION_UNANSWERED, DELETED, DELETE_UNANSWERED }

    /** One keyset as the clients know it. Only its owning worker changes it while a round runs. */
    private static final class TrackedKey {
        final String keystore;
        /** Every id that addresses the keyset, the current primary's last. */
        final List<String> ids = new ArrayList<>();
        /** {message, signature, public key or null}: signatures made before rotations, which must keep verifying. */
        final List<byte[][]> signatures = new ArrayList<>();
        /** The current primary's public key when an answer told it, else null until the next check exports it. */
        byte[] publicKey;
        State state = State.LIVE;
        int answeredRotations;
        int verifiedRotations;
        boolean verified;
        boolean deletionAnswered;
        boolean deletionVerified;

        TrackedKey(String keystore, String id, byte[] publicKey) {
            this.keystore = keystore;
            this.ids.add(id);
            this.publicKey = publicKey;
        }

        String url(String id) {
            return keystore + "/keys/" + id;
        }

        String current() {
            return ids.get(ids.size() - 1);
        }

        String anyId(Random random) {
            return ids.get(random.nextInt(ids.size()));
        }
    }

    private final List<String> keystores = new ArrayList<>();
    private final Queue<TrackedKey> keys = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> unansweredCreates = new ConcurrentHashMap<>();
    private final Map<String, Integer> adoptedCreates = new ConcurrentHashMap<>();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final Random checks = new Random(1);
    private int unansweredRotationsApplied;
    private int unansweredRotationsNotApplied;
    private int unansweredDeletesApplied;
    private int unansweredDeletesNotApplied;

    @Test
    void everyAnsweredWriteSurvivesSigkillAndNoWriteIsHalfDone() throws Exception {
        long seed = Long.getLong("kms.it.durability.seed", System.nanoTime());
        System.out.println("DurabilityIT: seed " + seed + " (-Dkms.it.durability.seed=" + seed + " repeats the kill"
                + " delays and each worker's choices), " + ROUNDS + " rounds, " + WORKERS + " workers");
        Random random = new Random(seed);
        Path data = Path.of(System.getProperty("kms.it.data"), "durability-" + System.nanoTime());
        EmbeddedServer server = EmbeddedServer.start(data, "round-0");
        int port = server.port();
        int kills = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                KmsClient kms = new KmsClient(server.baseUrl());
                if (round > 0) {
                    verifyAfterRestart(kms, round);
                }
                keystores.add(kms.createKeystore());
                runAndKill(server, round, random);
                kills++;
                server = EmbeddedServer.start(data, "round-" + (round + 1), Map.of(), port);
            }
            verifyAfterRestart(new KmsClient(server.baseUrl()), ROUNDS);
        } finally {
            server.close();
        }

        long keysVerified = keys.stream().filter(k -> k.verified).count();
        int rotationsVerified = keys.stream().mapToInt(k -> k.verifiedRotations).sum();
        long deletionsVerified = keys.stream().filter(k -> k.deletionVerified).count();
        System.out.println("DurabilityIT: " + kills + " kills survived, " + keysVerified + " keys verified, "
                + rotationsVerified + " rotations verified, " + deletionsVerified + " deletions verified");
        System.out.println("DurabilityIT: unanswered at a kill: creates " + unanswered() + " (" + adopted()
                + " found whole, the rest absent), rotations " + unansweredRotationsApplied + " applied and "
                + unansweredRotationsNotApplied + " not, deletions " + unansweredDeletesApplied + " applied and "
                + unansweredDeletesNotApplied + " not; " + problems.size() + " problems");
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, the first ones:\n"
                + String.join("\n", problems.stream().limit(20).toList()));
        assertEquals(ROUNDS, kills);
        assertTrue(keysVerified > 0 && rotationsVerified > 0 && deletionsVerified > 0,
                "every kind of write was verified at least once");
    }

    private void runAndKill(EmbeddedServer server, int round, Random random) throws Exception {
        List<List<TrackedKey>> owned = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            owned.add(new ArrayList<>());
        }
        int next = 0;
        for (TrackedKey key : keys) {
            if (key.state == State.LIVE) {
                owned.get(next++ % WORKERS).add(key);
            }
        }
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        KmsClient kms = new KmsClient(server.baseUrl());
        for (int w = 0; w < WORKERS; w++) {
            List<TrackedKey> mine = owned.get(w);
            Random choices = new Random(random.nextLong());
            workers.add(pool.submit(() -> work(kms, mine, choices, killed, writes)));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (writes.get() < WRITES_BEFORE_KILL_TIMER && System.nanoTime() < deadline
                && workers.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(20);
        }
        int delay = random.nextInt(MAX_KILL_DELAY_MS);
        Thread.sleep(delay);
        int answeredBeforeKill = writes.get();
        server.kill();
        killed.set(true);
        for (Future<?> worker : workers) {
            worker.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        System.out.println("DurabilityIT: round " + round + " killed " + delay + " ms after its first "
                + WRITES_BEFORE_KILL_TIMER + " answered writes, with " + answeredBeforeKill + " answered");
        assertTrue(answeredBeforeKill >= WRITES_BEFORE_KILL_TIMER, () -> "the workers stopped early: " + problems);
    }

    /** Writes until the server dies under a request (or answers what it should not): then stops. */
    private void work(KmsClient kms, List<TrackedKey> owned, Random random, AtomicBoolean killed,
            AtomicInteger writes) {
        while (!killed.get()) {
            List<TrackedKey> live = owned.stream().filter(k -> k.state == State.LIVE).toList();
            int choice = random.nextInt(10);
            boolean answered;
            if (live.size() < 3 || choice < 5) {
                answered = create(kms, owned, random);
            } else if (choice < 8) {
                answered = rotate(kms, live.get(random.nextInt(live.size())), random);
            } else {
                answered = delete(kms, live.get(random.nextInt(live.size())), random);
            }
            if (!answered) {
                return;
            }
            writes.incrementAndGet();
        }
    }

    private boolean create(KmsClient kms, List<TrackedKey> owned, Random random) {
        String keystore = keystores.get(random.nextInt(keystores.size()));
        Optional<Answer> created = call(() -> kms.createKey(keystore, "ED25519"));
        if (created.isEmpty()) {
            unansweredCreates.computeIfAbsent(keystore, k -> new AtomicInteger()).incrementAndGet();
            return false;
        }
        if (!answered(200, created.get(), "create in " + keystore)) {
            return false;
        }
        String id = lastSegment(created.get().string("key_url"));
        byte[] publicKey = created.get().bytes("public_key");
        check(Ed25519.thumbprint(publicKey).equals(id), "created key " + id + " is not its public key's thumbprint");
        TrackedKey key = new TrackedKey(keystore, id, publicKey);
        keys.add(key);
        owned.add(key);
        return true;
    }

    private boolean rotate(KmsClient kms, TrackedKey key, Random random) {
        byte[] message = ("signed before rotation " + key.answeredRotations + " of " + key.ids.get(0))
                .getBytes(StandardCharsets.UTF_8);
        Optional<Answer> signed = call(() -> kms.post(key.url(key.anyId(random)) + "/sign", signBody(message)));
        if (signed.isEmpty() || !answered(200, signed.get(), "sign " + key.current())) {
            return false;
        }
        byte[] signature = signed.get().bytes("signature");
        check(key.publicKey == null || Ed25519.verifies(key.publicKey, message, signature),
                "a signature of " + key.current() + " does not verify under its primary");
        key.signatures.add(new byte[][] {message, signature, key.publicKey});

        Optional<Answer> rotated = call(() -> kms.post(key.url(key.anyId(random)) + "/rotate", "{}"));
        if (rotated.isEmpty()) {
            key.state = State.ROTATION_UNANSWERED;
            return false;
        }
        if (!answered(200, rotated.get(), "rotate " + key.current())) {
            return false;
        }
        String newId = lastSegment(rotated.get().string("key_url"));
        check(!key.ids.contains(newId), "rotation of " + key.current() + " answered an id the key had: " + newId);
        key.ids.add(newId);
        key.answeredRotations++;
        key.publicKey = null;
        Optional<Answer> exported = call(() -> kms.get(key.url(newId) + "/export"));
        if (exported.isEmpty() || !answered(200, exported.get(), "export " + newId)) {
            return false;
        }
        key.publicKey = exported.get().bytes("public_key");
        check(Ed25519.thumbprint(key.publicKey).equals(newId), "after rotating to " + newId
                + " the export is another version");
        return true;
    }

    private boolean delete(KmsClient kms, TrackedKey key, Random random) {
        Optional<Answer> deleted = call(() -> kms.delete(key.url(key.anyId(random))));
        if (deleted.isEmpty()) {
            key.state = State.DELETE_UNANSWERED;
            return false;
        }
        if (!answered(200, deleted.get(), "delete " + key.current())) {
            return false;
        }
        key.state = State.DELETED;
        key.deletionAnswered = true;
        return true;
    }

    private void verifyAfterRestart(KmsClient kms, int restart) {
        long started = System.nanoTime();
        int checked = 0;
        for (TrackedKey key : keys) {
            if (key.state == State.ROTATION_UNANSWERED) {
                resolveRotation(kms, key);
            } else if (key.state == State.DELETE_UNANSWERED) {
                resolveDelete(kms, key);
            }
            if (key.state == State.LIVE) {
                checkLive(kms, key);
            } else if (key.state == State.DELETED) {
                checkDeleted(kms, key);
            }
            checked++;
        }
        for (String keystore : keystores) {
            checkList(kms, keystore);
        }
        System.out.println("DurabilityIT: restart " + restart + ": " + checked + " keys and " + keystores.size()
                + " keystore lists checked in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms");
    }

    /** A rotation that got no answer: the key must still export, with either the old primary or a new one. */
    private void resolveRotation(KmsClient kms, TrackedKey key) {
        Answer exported = kms.get(key.url(key.ids.get(0)) + "/export");
        if (!answered(200, exported, "export after an unanswered rotation of " + key.current())) {
            key.state = State.LIVE;
            return;
        }
        String primary = Ed25519.thumbprint(exported.bytes("public_key"));
        if (primary.equals(key.current())) {
            unansweredRotationsNotApplied++;
        } else {
            check(!key.ids.contains(primary), "key " + key.current() + " went back to its older version " + primary);
            key.ids.add(primary);
            unansweredRotationsApplied++;
        }
        key.publicKey = null;
        key.state = State.LIVE;
    }

    /** A deletion that got no answer: every id of the key answers 404, or every id works; nothing in between. */
    private void resolveDelete(KmsClient kms, TrackedKey key) {
        Set<Integer> statuses = new HashSet<>();
        for (String id : key.ids) {
            Answer exported = kms.get(key.url(id) + "/export");
            check(exported.status() == 200 || exported.status() == 404, "export " + id + " after an unanswered"
                    + " delete answered " + exported.status() + ": " + exported.body());
            statuses.add(exported.status());
        }
        check(statuses.size() == 1, "half-deleted key: its ids answer " + statuses + ": " + key.ids);
        if (statuses.equals(Set.of(404))) {
            key.state = State.DELETED;
            unansweredDeletesApplied++;
        } else {
            key.state = State.LIVE;
            unansweredDeletesNotApplied++;
        }
    }

    private void checkLive(KmsClient kms, TrackedKey key) {
        byte[] primary = null;
        for (String id : key.ids) {
            Answer exported = kms.get(key.url(id) + "/export");
            if (!answered(200, exported, "export " + id + " of a live key")) {
                return;
            }
            byte[] publicKey = exported.bytes("public_key");
            check(primary == null || Arrays.equals(primary, publicKey), "the ids of " + key.ids.get(0)
                    + " export different keys");
            primary = publicKey;
        }
        check(Ed25519.thumbprint(primary).equals(key.current()), "key " + key.ids.get(0) + ": the primary is not"
                + " the last rotation's version " + key.current());
        check(key.publicKey == null || Arrays.equals(key.publicKey, primary), "key " + key.current()
                + " exports another key than it did before the kill");
        key.publicKey = primary;
        byte[] message = ("signed after a restart by " + key.current()).getBytes(StandardCharsets.UTF_8);
        Answer signed = kms.post(key.url(key.anyId(checks)) + "/sign", signBody(message));
        if (answered(200, signed, "sign " + key.current() + " after a restart")) {
            check(Ed25519.verifies(primary, message, signed.bytes("signature")), "a signature of " + key.current()
                    + " made after a restart does not verify under its exported key");
        }
        for (byte[][] earlier : key.signatures) {
            Answer verified = kms.post(key.url(key.anyId(checks)) + "/verify", KmsClient.json()
                    .add("signature", KmsClient.b64(earlier[1])).add("message", KmsClient.b64(earlier[0]))
                    .build().toString());
            answered(200, verified, "verify a signature " + key.current() + " made before a rotation");
            check(earlier[2] == null || Ed25519.verifies(earlier[2], earlier[0], earlier[1]),
                    "a recorded signature does not verify under the key that made it");
        }
        key.verified = true;
        key.verifiedRotations = key.answeredRotations;
    }

    private void checkDeleted(KmsClient kms, TrackedKey key) {
        for (String id : key.ids) {
            Answer exported = kms.get(key.url(id) + "/export");
            answered(404, exported, "export " + id + " of a deleted key");
        }
        Answer signed = kms.post(key.url(key.anyId(checks)) + "/sign", signBody(new byte[] {1}));
        answered(404, signed, "sign with deleted key " + key.current());
        key.deletionVerified = key.deletionAnswered;
    }

    /**
     * The list names exactly the live keys by their current ids, plus keys from creates that got no answer (no more
     * of them than there were such creates), and each of those must be whole: it exports and signs. They are
     * tracked from then on.
     */
    private void checkList(KmsClient kms, String keystore) {
        Answer list = kms.get(keystore + "/keys");
        if (!answered(200, list, "list " + keystore)) {
            return;
        }
        Set<String> listed = new HashSet<>();
        for (JsonObject entry : list.json().getJsonArray("keys").getValuesAs(JsonObject.class)) {
            listed.add(lastSegment(entry.getString("key_url")));
            check("ED25519".equals(entry.getString("key_type")), "listed with type " + entry.getString("key_type"));
        }
        Set<String> known = new HashSet<>();
        for (TrackedKey key : keys) {
            if (key.keystore.equals(keystore)) {
                known.addAll(key.ids);
                if (key.state == State.LIVE) {
                    check(listed.contains(key.current()), "live key " + key.current() + " is not listed");
                } else {
                    key.ids.forEach(id -> check(!listed.contains(id), "deleted key " + id + " is listed"));
                }
            }
        }
        for (String id : listed) {
            if (known.contains(id)) {
                continue;
            }
            int adopted = adoptedCreates.merge(keystore, 1, Integer::sum);
            check(adopted <= unansweredCreates.getOrDefault(keystore, new AtomicInteger()).get(),
                    "listed key " + id + " that no create made");
            adoptUnansweredCreate(kms, keystore, id);
        }
    }

    private void adoptUnansweredCreate(KmsClient kms, String keystore, String id) {
        Answer exported = kms.get(keystore + "/keys/" + id + "/export");
        if (!answered(200, exported, "export listed key " + id)) {
            return;
        }
        byte[] publicKey = exported.bytes("public_key");
        check(Ed25519.thumbprint(publicKey).equals(id), "listed key " + id + " exports another key");
        byte[] message = "signed by a key whose create got no answer".getBytes(StandardCharsets.UTF_8);
        Answer signed = kms.post(keystore + "/keys/" + id + "/sign", signBody(message));
        if (answered(200, signed, "sign with listed key " + id)) {
            check(Ed25519.verifies(publicKey, message, signed.bytes("signature")), "listed key " + id
                    + " signs with another key than it exports");
        }
        TrackedKey key = new TrackedKey(keystore, id, publicKey);
        key.verified = true;
        keys.add(key);
    }

    /** An answer, or none when the server died under the request (or was already dead). */
    private static Optional<Answer> call(Supplier<Answer> request) {
        try {
            return Optional.of(request.get());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean answered(int expected, Answer answer, String what) {
        return check(answer.status() == expected, what + ": expected " + expected + " but got " + answer.status()
                + " " + answer.body());
    }

    private boolean check(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return condition;
    }

    private int unanswered() {
        return unansweredCreates.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private int adopted() {
        return adoptedCreates.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String signBody(byte[] message) {
        return KmsClient.json().add("message", KmsClient.b64(message)).build().toString();
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
