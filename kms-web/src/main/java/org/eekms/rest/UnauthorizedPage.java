package org.eekms.rest;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the container's own 401 (a bearer token that is malformed, expired, badly signed, or of another
 * issuer or audience): the API's JSON error body instead of the container's HTML, without saying which check failed.
 */
@WebServlet("/errors/unauthorized")
public class UnauthorizedPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String MESSAGE = "the bearer token is not valid: malformed, expired, not signed by the "
            + "configured issuer, or for another audience";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.getWriter().write(Json.createObjectBuilder()
                .add("message", MESSAGE)
                .add("errMessage", MESSAGE)
                .add("code", "unauthorized")
                .build()
                .toString());
    }
}
