package dev.yubin.web.interfaces.admin.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/** Error responses: a status and {@code {"error":"..."}}, nothing else. */
final class Problems {

  private Problems() {}

  static Response badRequest(String message) {
    return error(Response.Status.BAD_REQUEST, message);
  }

  static Response notFound(String message) {
    return error(Response.Status.NOT_FOUND, message);
  }

  static Response conflict(String message) {
    return error(Response.Status.CONFLICT, message);
  }

  static Response error(Response.StatusType status, String message) {
    return error(status.getStatusCode(), message);
  }

  /** The status's reason phrase in lower case ({@code "method not allowed"}). */
  static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "error" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
  }

  static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
