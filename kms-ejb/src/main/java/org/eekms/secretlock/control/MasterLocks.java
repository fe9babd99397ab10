package org.eekms.secretlock.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.eekms.config.DurationConverter;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;

/**
 * Opens the master lock that {@code KMS_SECRET_LOCK_TYPE} names from its settings. Every missing or wrong setting is
 * an {@link IllegalStateException} with one message naming its environment variable, and never a secret's value.
 */
public final class MasterLocks {

    public static final int DEFAULT_PBKDF2_ITERATIONS = 600_000;
    public static final int MIN_PBKDF2_ITERATIONS = 100_000;
    public static final int MIN_HKDF_SECRET_LENGTH = 32;
    public static final Duration DEFAULT_AWS_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_AWS_MAX_CONCURRENCY = 64;

    private static final byte[] HKDF_INFO = "eekms:master-lock:hkdf".getBytes(StandardCharsets.UTF_8);

    private MasterLocks() {
    }

    /** The {@code kms.secret-lock.*} settings as MicroProfile Config gives them (empty when unset). */
    public record Settings(String type, Optional<String> keyPath, boolean createDevKey, Optional<String> passphrase,
            Optional<String> pbkdf2Iterations, Optional<String> hkdfSecret, Optional<String> awsKeyUri,
            Optional<String> awsEndpoint, Optional<String> awsTimeout, Optional<String> awsMaxConcurrency) {

        @Override
        public String toString() {
            return "Settings[type=" + type + ", secrets redacted]";
        }
    }

    /** The opened lock, and a line for the log that says which it is without a secret. */
    public record Opened(SecretAead aead, String description) {
    }

    public static Opened open(Settings settings) {
        String type = settings.type().trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "local" -> local(settings);
            case "passphrase" -> passphrase(settings);
            case "hkdf" -> hkdf(settings);
            case "aws" -> aws(settings);
            default -> throw new IllegalStateException("KMS_SECRET_LOCK_TYPE: unsupported master lock '"
                    + settings.type() + "' (this server offers: local, passphrase, hkdf, aws)");
        };
    }

    private static Opened local(Settings settings) {
        Path path = Path.of(required(settings.keyPath(), "KMS_SECRET_LOCK_KEY_PATH", "local"));
        SecretBytes key = LocalKeyFile.read(path, settings.createDevKey());
        try {
            return new Opened(SecretAeads.aes256Gcm(key), "local key file " + path);
        } finally {
            key.destroy();
        }
    }

    private static Opened passphrase(Settings settings) {
        int iterations = iterations(settings.pbkdf2Iterations());
        char[] passphrase = required(settings.passphrase(), "KMS_SECRET_LOCK_PASSPHRASE", "passphrase").toCharArray();
        try {
            return new Opened(SecretAeads.passphrase(passphrase, iterations),
                    "passphrase (PBKDF2-HMAC-SHA256, " + iterations + " iterations)");
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static int iterations(Optional<String> setting) {
        if (setting.isEmpty()) {
            return DEFAULT_PBKDF2_ITERATIONS;
        }
        int iterations;
        try {
            iterations = Integer.parseInt(setting.get().trim());
        } catch (NumberFormatException e) {
            iterations = -1;
        }
        if (iterations < MIN_PBKDF2_ITERATIONS || iterations > SecretAeads.PBKDF2_MAX_ITERATIONS) {
            throw new IllegalStateException("KMS_SECRET_LOCK_PBKDF2_ITERATIONS must be a whole number from "
                    + MIN_PBKDF2_ITERATIONS + " to " + SecretAeads.PBKDF2_MAX_ITERATIONS + " (default "
                    + DEFAULT_PBKDF2_ITERATIONS + ", OWASP's advice for PBKDF2-HMAC-SHA256), not '"
                    + setting.get() + "'");
        }
        return iterations;
    }

    private static Opened hkdf(Settings settings) {
        byte[] text = required(settings.hkdfSecret(), "KMS_SECRET_LOCK_HKDF_SECRET", "hkdf").trim()
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] raw = null;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // the one message below, which does not quote the secret
        } finally {
            Arrays.fill(text, (byte) 0);
        }
        if (raw == null || raw.length < MIN_HKDF_SECRET_LENGTH) {
            throw new IllegalStateException("KMS_SECRET_LOCK_HKDF_SECRET must be standard base64 of at least "
                    + MIN_HKDF_SECRET_LENGTH + " random bytes");
        }
        SecretBytes secret = SecretBytes.copyOf(raw);
        Arrays.fill(raw, (byte) 0);
        try {
            return new Opened(SecretAeads.hkdf(secret, HKDF_INFO), "hkdf (HKDF-SHA256 of a " + secret.length()
                    + "-byte secret)");
        } finally {
            secret.destroy();
        }
    }

    private static Opened aws(Settings settings) {
        String keyUri = required(settings.awsKeyUri(), "KMS_SECRET_LOCK_AWS_KEY_URI", "aws").trim();
        Optional<URI> endpoint = settings.awsEndpoint().map(String::trim).map(MasterLocks::endpoint);
        Duration timeout = settings.awsTimeout().map(MasterLocks::timeout).orElse(DEFAULT_AWS_TIMEOUT);
        SecretAead aead;
        try {
            aead = SecretAeads.awsKms(keyUri, endpoint, timeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("KMS_SECRET_LOCK_AWS_KEY_URI must be an AWS KMS key URI such as"
                    + " aws-kms://arn:aws:kms:<region>:<account>:key/<key id>, not '" + keyUri + "'");
        }
        int maxConcurrency = settings.awsMaxConcurrency().map(MasterLocks::concurrency)
                .orElse(DEFAULT_AWS_MAX_CONCURRENCY);
        return new Opened(new BoundedAead(aead, new Bulkhead("AWS KMS", maxConcurrency)), "AWS KMS " + keyUri
                + endpoint.map(uri -> " at " + uri).orElse("") + ", timeout " + timeout.toMillis() + " ms, at most "
                + maxConcurrency + " calls in flight");
    }

    private static int concurrency(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the one message below
        }
        throw new IllegalStateException("KMS_SECRET_LOCK_AWS_MAX_CONCURRENCY must be a whole number of at least 1, not '"
                + text + "'");
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // the one message below
        }
        throw new IllegalStateException("KMS_SECRET_LOCK_AWS_ENDPOINT must be an http(s) URL with a host, not '"
                + text + "'");
    }

    private static Duration timeout(String text) {
        Duration timeout;
        try {
            timeout = new DurationConverter().convert(text);
        } catch (IllegalArgumentException e) {
            timeout = null;
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("KMS_SECRET_LOCK_AWS_TIMEOUT must be a positive duration such as 10s or"
                    + " PT10S, not '" + text + "'");
        }
        return timeout;
    }

    private static String required(Optional<String> setting, String variable, String type) {
        return setting.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                variable + " is required by the " + type + " master lock"));
    }
}
