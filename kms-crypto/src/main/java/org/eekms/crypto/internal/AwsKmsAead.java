package org.eekms.crypto.internal;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eekms.crypto.SecretAead;
import org.eekms.problem.UnavailableException;
import org.eekms.problem.VerificationFailedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * Encryption by AWS KMS ({@code Encrypt} / {@code Decrypt} on one symmetric key): the ciphertext is the blob KMS
 * returns, and the associated data travels as the encryption context entry {@value #CONTEXT_KEY} (base64), which KMS
 * binds to the ciphertext. Empty associated data means no context, as in Tink's AWS KMS AEAD.
 *
 * <p>Credentials come from the SDK's default chain (system properties, environment, profile, container and instance
 * roles). Every call is bounded by the timeout, retries included. Failures reach the caller as
 * {@link VerificationFailedException} when KMS says the ciphertext or context is wrong, and as
 * {@link UnavailableException} for everything else (access denied, unknown or disabled key, throttling, network,
 * timeout); the details go to the server log only.
 */
public final class AwsKmsAead implements SecretAead, AutoCloseable {

    static final String CONTEXT_KEY = "eekms-ad";

    /** {@code aws-kms://arn:<partition>:kms:<region>:<account>:key/<id>} (or {@code alias/<name>}). */
    private static final Pattern KEY_URI = Pattern.compile(
            "aws-kms://(arn:aws[a-z-]*:kms:([a-z0-9-]+):[0-9]{12}:(?:key|alias)/[A-Za-z0-9/_+=,.@:-]+)");
    /** KMS accepts ciphertext blobs of 1 to 6144 bytes. */
    private static final int MAX_CIPHERTEXT = 6144;
    private static final Logger LOG = Logger.getLogger(AwsKmsAead.class.getName());

    private final String keyArn;
    private final Duration timeout;
    private final KmsClient client;

    private AwsKmsAead(String keyArn, Duration timeout, KmsClient client) {
        this.keyArn = keyArn;
        this.timeout = timeout;
        this.client = client;
    }

    /**
     * Builds the client; it does not call AWS (a KMS that is down must not keep the server from starting).
     *
     * @throws IllegalArgumentException for a key URI that is not an AWS KMS key ARN, a bad endpoint or timeout
     */
    public static AwsKmsAead create(String keyUri, Optional<URI> endpoint, Duration timeout) {
        Matcher uri = KEY_URI.matcher(keyUri);
        if (!uri.matches()) {
            throw new IllegalArgumentException(
                    "not an AWS KMS key URI: expected aws-kms://arn:aws:kms:<region>:<account>:key/<id>");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the AWS KMS timeout must be positive");
        }
        endpoint.ifPresent(AwsKmsAead::checkEndpoint);
        KmsClientBuilder builder = KmsClient.builder()
                .region(Region.of(uri.group(2)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(config -> config
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(timeout));
        // no credentials provider set: the client uses (and closes) the SDK's default chain
        endpoint.ifPresent(builder::endpointOverride);
        return new AwsKmsAead(uri.group(1), timeout, builder.build());
    }

    private static void checkEndpoint(URI endpoint) {
        if (!("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the AWS KMS endpoint must be an http(s) URL with a host");
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        EncryptRequest.Builder request = EncryptRequest.builder()
                .keyId(keyArn)
                .plaintext(SdkBytes.fromByteArrayUnsafe(plaintext)); // no copy: the caller clears its array
        if (associatedData.length > 0) {
            request.encryptionContext(context(associatedData));
        }
        try {
            return client.encrypt(request.build()).ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw unavailable("Encrypt", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        if (ciphertext.length == 0 || ciphertext.length > MAX_CIPHERTEXT) {
            throw VerificationFailedException.decryption();
        }
        DecryptRequest.Builder request = DecryptRequest.builder()
                .keyId(keyArn)
                .ciphertextBlob(SdkBytes.fromByteArray(ciphertext));
        if (associatedData.length > 0) {
            request.encryptionContext(context(associatedData));
        }
        SdkBytes plaintext;
        try {
            plaintext = client.decrypt(request.build()).plaintext();
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            // another context (associated data), another key, or not a KMS ciphertext at all
            throw VerificationFailedException.decryption();
        } catch (SdkException e) {
            throw unavailable("Decrypt", e);
        }
        if (plaintext == null) {
            throw unavailable("Decrypt", null);
        }
        return plaintext.asByteArrayUnsafe(); // the response's own array: the caller clears it
    }

    private static Map<String, String> context(byte[] associatedData) {
        return Map.of(CONTEXT_KEY, Base64.getEncoder().encodeToString(associatedData));
    }

    private UnavailableException unavailable(String operation, SdkException e) {
        String reason;
        if (timedOut(e)) {
            reason = "did not answer within " + timeout.toMillis() + " ms";
        } else if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            reason = "refused the request (" + errorCode(service) + ")";
        } else if (e == null) {
            reason = "gave an answer without plaintext";
        } else {
            reason = "cannot be reached or no AWS credentials were found";
        }
        // the SDK's message (status, request id, attempts) helps the operator; its stack trace rarely does
        LOG.warning(() -> "AWS KMS " + operation + " on " + keyArn + " failed: " + reason
                + (e == null ? "" : ": " + e));
        LOG.log(Level.FINE, "AWS KMS failure", e);
        return new UnavailableException("AWS KMS " + reason);
    }

    /** The SDK's own timeouts, or the socket's (connect or read) on the last attempt. */
    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The AWS error code, such as AccessDeniedException; never the message, which may quote the request. */
    private static String errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails().errorCode();
        return code == null || !code.matches("[A-Za-z0-9.]{1,64}") ? "status " + e.statusCode() : code;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "SecretAead[AWS KMS " + keyArn + "]";
    }
}
