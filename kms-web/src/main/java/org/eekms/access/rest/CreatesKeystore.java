package org.eekms.access.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks keystore creation, which {@code KMS_ZCAP_CREATORS} can restrict to requests signed by listed did:keys. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CreatesKeystore {
}
