package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.accounts.application.InvalidRequestException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever a resource throws becomes the documented JSON error: a refusal of the request or a body
 * that is no JSON is 400 with its reason, JAX-RS's own errors (unknown path, wrong method or media
 * type) keep their status, and anything else is 500 {@code {"error":"internal error"}}: exception
 * chains, SQL and product versions go to the server log only.
 */
@Provider
public class ExceptionResponses implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ExceptionResponses.class.getName());

  @Override
  public Response toResponse(Throwable thrown) {
    if (thrown instanceof InvalidRequestException invalid) {
      return Problems.badRequest(invalid.getMessage());
    }
    if (isMalformedJson(thrown)) {
      return Problems.badRequest("malformed JSON");
    }
    if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Response.StatusType status = web.getResponse().getStatusInfo();
      return Problems.error(status.getStatusCode(), Problems.reason(status.getStatusCode()));
    }
    LOG.log(Level.SEVERE, "REST call failed", thrown);
    return Problems.error(Response.Status.INTERNAL_SERVER_ERROR, "internal error");
  }

  /** A request body that JSON-B could not read (the binding layer wraps the parser's error). */
  private static boolean isMalformedJson(Throwable thrown) {
    if (!(thrown instanceof ProcessingException)) {
      return false;
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException || cause instanceof JsonException) {
        return true;
      }
    }
    return false;
  }
}
