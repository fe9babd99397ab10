package org.eekms.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

/**
 * {@code KMS_AUTH_TYPE=jwt} on WildFly with the EAR and PostgreSQL: the same checks as {@link JwtAccessIT} on
 * Payara Micro, with WildFly's own MicroProfile JWT validating the tokens. Runs in the {@code it-wildfly} profile.
 */
class JwtOnWildFlyIT {

    @Test
    void onlyTheOwnerUsesAKeystoreAndAdminsOnlyAdminister() throws Exception {
        KeyPair issuer = Jwts.rsa();
        Path base = Files.createDirectories(
                Path.of(System.getProperty("kms.it.data"), "wildfly-jwt-" + System.nanoTime()));
        try (WildFlyNode node = WildFlyNode.start(base.resolve("node"), 300, JwtAccessIT.settings(issuer, base))) {
            JwtAccessIT.checkJwtMode(node.baseUrl(), issuer);
        }
    }
}
