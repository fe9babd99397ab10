package org.eekms.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The absolute keystore and key URLs the API returns: under {@code KMS_BASE_URL} when set (behind a proxy or load
 * balancer), else under the address the client called, so that returned URLs always work.
 */
@ApplicationScoped
public class KeyUrls {

    @Inject
    @ConfigProperty(name = "kms.base-url")
    Optional<String> baseUrl;

    public String keystore(UriInfo request, String keystoreId) {
        return base(request) + "/v1/keystores/" + keystoreId;
    }

    public String key(UriInfo request, String keystoreId, String keyId) {
        return keystore(request, keystoreId) + "/keys/" + keyId;
    }

    private String base(UriInfo request) {
        String base = baseUrl.filter(url -> !url.isBlank()).orElseGet(() -> request.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
