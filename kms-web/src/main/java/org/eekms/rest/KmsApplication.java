package org.eekms.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The webkms REST API at the root of the context: {@code /v1/keystores…} and {@code /healthcheck}. */
@ApplicationPath("/")
public class KmsApplication extends Application {
}
