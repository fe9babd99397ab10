package org.eekms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies are JSON whatever the client declares, as on TrustBloc's server (its client sends PUT without a
 * Content-Type), and no larger than {@code KMS_MAX_BODY_SIZE}: a declared larger length is refused before reading,
 * a chunked body as soon as it passes the limit.
 */
@Provider
@PreMatching
public class RequestBodyFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "kms.max-body-size", defaultValue = "2097152")
    long maxBodySize;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodySize) {
            throw new WebApplicationException(413);
        }
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBodySize));
    }

    private static final class LimitedStream extends FilterInputStream {
        private long remaining;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            remaining -= n;
            if (remaining < 0) {
                throw new WebApplicationException(413);
            }
        }
    }
}
