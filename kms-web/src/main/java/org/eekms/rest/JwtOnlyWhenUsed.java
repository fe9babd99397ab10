package org.eekms.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Takes {@link KmsApplication}'s {@code @LoginConfig} out of CDI's view when {@code KMS_AUTH_TYPE} is {@code none}, where
 * no request is authenticated: Payara then installs no MP-JWT mechanism, and no request pays for its JASPIC bridge
 * (a JNDI lookup of the BeanManager under Weld's lock on every call, measured at a quarter of the HTTP floor). Payara
 * reads the annotation from the bean CDI sees, after this observer, which runs first. WildFly finds the annotation in
 * its own index of the deployment and keeps MP-JWT, which {@link JwtOffConfigSource} already keeps out of the way.
 */
public class JwtOnlyWhenUsed implements Extension {

    <T> void dropLoginConfig(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @WithAnnotations(LoginConfig.class)
            ProcessAnnotatedType<T> type) {
        if (!JwtOffConfigSource.jwtMode()) {
            type.configureAnnotatedType().remove(annotation -> annotation instanceof LoginConfig);
        }
    }
}
