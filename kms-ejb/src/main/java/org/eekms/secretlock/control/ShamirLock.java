package org.eekms.secretlock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.crypto.SecretSplitter;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.InvalidRequestException;

/**
 * The {@code shamir} lock of the Authorization Key Server: the keystore key is HKDF-SHA256 (info = keystore id) of a
 * secret the server never holds whole. It is recombined on demand, in HashiCorp Vault's share format, from the
 * request's {@code Secret-Share} headers and the subject's share held by the Auth server (or this server's share
 * holder): k of n, 2 of 2 by default.
 */
@ApplicationScoped
public class ShamirLock extends DerivedKeyLock {

    public static final String TYPE = "shamir";
    private static final int DEFAULT_THRESHOLD = 2;

    private HeldShares heldShares;
    private SecretSplitter splitter;

    protected ShamirLock() {
        // for CDI proxies
    }

    @Inject
    public ShamirLock(HeldShares heldShares,
            @ConfigProperty(name = "kms.shamir-secret-cache.ttl", defaultValue = "10m") Duration ttl) {
        super(ttl);
        this.heldShares = heldShares;
        this.splitter = SecretSplitter.shamir();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean offered() {
        return heldShares.available();
    }

    @Override
    protected String parameters(LockSpec spec) {
        int threshold = spec.threshold() == null ? DEFAULT_THRESHOLD : spec.threshold();
        if (threshold < 2 || threshold > 255) {
            throw new InvalidRequestException("secret_lock.threshold must be between 2 and 255");
        }
        return Json.createObjectBuilder().add("threshold", threshold).build().toString();
    }

    @Override
    protected SecretAead derive(String keystoreId, String parameters, LockCredentials credentials) {
        int threshold = ((JsonNumber) Json.createReader(new StringReader(parameters)).readObject()
                .get("threshold")).intValue();
        if (credentials.subject() == null || credentials.subject().isBlank()) {
            throw new InvalidRequestException("missing_share", "a shamir-locked keystore needs the Auth-User header");
        }
        int needed = threshold - 1;
        if (credentials.shares().size() != needed) {
            throw new InvalidRequestException("missing_share", "a shamir-locked keystore with threshold " + threshold
                    + " needs " + needed + " Secret-Share header" + (needed == 1 ? "" : "s"));
        }
        for (SecretBytes share : credentials.shares()) {
            // a share is the secret's length plus its x byte; secrets under 16 bytes are too weak to derive from
            if (share.length() < SecretAeads.HKDF_MIN_SECRET_LENGTH + 1) {
                throw new InvalidRequestException("malformed_share",
                        "Secret-Share must be a Shamir share of a secret of at least 16 bytes");
            }
        }
        List<SecretBytes> shares = new ArrayList<>(credentials.shares());
        shares.add(heldShares.of(credentials.subject()));
        SecretBytes secret;
        try {
            secret = splitter.combine(shares);
        } catch (InvalidRequestException e) {
            // shares of different lengths or with the same x cannot be this keystore's shares
            throw AccessDeniedException.forbidden("the secrets presented do not open this keystore");
        }
        try {
            return SecretAeads.hkdf(secret, keystoreId.getBytes(StandardCharsets.UTF_8));
        } finally {
            secret.destroy();
        }
    }
}
