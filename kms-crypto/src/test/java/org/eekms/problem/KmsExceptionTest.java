package org.eekms.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmsExceptionTest {

    @Test
    void codesAndKinds() {
        assertProblem(new InvalidRequestException("bad"), "invalid_request", KmsException.Kind.BAD_REQUEST, "bad");
        assertProblem(new InvalidRequestException("nonce_length", "bad nonce"), "nonce_length",
                KmsException.Kind.BAD_REQUEST, "bad nonce");
        assertProblem(InvalidRequestException.unsupportedOperation("ED25519", "encrypt"), "unsupported_operation",
                KmsException.Kind.BAD_REQUEST, "key type ED25519 does not support encrypt");
        assertProblem(NotFoundException.keystore("ks1"), "keystore_not_found", KmsException.Kind.NOT_FOUND,
                "keystore ks1 not found");
        assertProblem(NotFoundException.key("k1"), "key_not_found", KmsException.Kind.NOT_FOUND, "key k1 not found");
        assertProblem(new ConflictException("key_exists", "key k1 exists"), "key_exists", KmsException.Kind.CONFLICT,
                "key k1 exists");
        assertProblem(VerificationFailedException.signature(), "verification_failed", KmsException.Kind.BAD_REQUEST,
                "signature does not verify");
        assertProblem(VerificationFailedException.mac(), "verification_failed", KmsException.Kind.BAD_REQUEST,
                "MAC does not verify");
        assertProblem(VerificationFailedException.decryption(), "decryption_failed", KmsException.Kind.BAD_REQUEST,
                "ciphertext does not decrypt");
        assertProblem(AccessDeniedException.unauthenticated("no token"), "unauthorized",
                KmsException.Kind.UNAUTHORIZED, "no token");
        assertProblem(AccessDeniedException.forbidden("shares do not open the keystore"), "forbidden",
                KmsException.Kind.FORBIDDEN, "shares do not open the keystore");
        assertProblem(new UnavailableException("Auth server unreachable"), "dependency_unavailable",
                KmsException.Kind.UNAVAILABLE, "Auth server unreachable");
        assertProblem(LimitExceededException.rate("keystore", 3), "rate_limited", KmsException.Kind.TOO_MANY_REQUESTS,
                "too many requests (keystore rate limit): retry after 3 s");
        assertEquals(3, LimitExceededException.rate("caller", 3).retryAfterSeconds());
        assertProblem(LimitExceededException.keystoreCap(), "keystore_limit_reached",
                KmsException.Kind.INSUFFICIENT_STORAGE,
                "this server holds the most keystores it is configured for (KMS_KEYSTORES_MAX)");
        assertEquals(0, LimitExceededException.keystoreCap().retryAfterSeconds());
        assertEquals(128 + "key ".length() + " not found".length() + 1,
                NotFoundException.key("k".repeat(1000)).getMessage().length());
    }

    @Test
    void answersCarryNoStackTraceNorCause() {
        for (KmsException e : List.of(new InvalidRequestException("x"), NotFoundException.key("k"),
                new ConflictException("c", "m"), VerificationFailedException.signature())) {
            assertEquals(0, e.getStackTrace().length, e.getClass().getSimpleName());
            assertNull(e.getCause());
            e.addSuppressed(new IllegalStateException());
            assertEquals(0, e.getSuppressed().length, "suppression disabled");
        }
    }

    @Test
    void containerRollsBackAndPassesThemOnUnwrapped() {
        ApplicationException annotation = KmsException.class.getAnnotation(ApplicationException.class);
        assertNotNull(annotation);
        assertTrue(annotation.rollback());
        assertTrue(annotation.inherited());
    }

    private static void assertProblem(KmsException e, String code, KmsException.Kind kind, String message) {
        assertEquals(code, e.code());
        assertEquals(kind, e.kind());
        assertEquals(message, e.getMessage());
    }
}
