package dev.yubin.web.interfaces.admin.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Error responses as small JSON documents. */
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

  private static Response error(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
