package org.eekms.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The webkms REST API at the root of the context: {@code /v1/keystores…} and {@code /healthcheck}. The container
 * authenticates MicroProfile JWT bearer tokens where a request carries one ({@code mp.jwt.verify.*}); whether one is
 * required is {@code KMS_AUTH_TYPE}'s business (AccessPolicy).
 */
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped // a CDI bean, so that the container's MP-JWT extension finds @LoginConfig
@ApplicationPath("/")
public class KmsApplication extends Application {
}
