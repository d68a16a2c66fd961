package dev.yubin.web.interfaces.admin.rest;

import dev.yubin.ejb.relay.application.OutboundQueue;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbound queue: list, show, retry now, delete (like Postfix's mailq and postsuper). */
@Admin
@Path("admin/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

  @Inject OutboundQueue queue;

  @GET
  public List<Map<String, Object>> list() {
    return queue.entries().stream().map(QueueResource::summary).toList();
  }

  @GET
  @Path("{id}")
  public Response show(@PathParam("id") String id) {
    return queue
        .find(id)
        .map(e -> Response.ok(detail(e)).build())
        .orElseGet(() -> Problems.notFound("no queue entry " + id));
  }

  /** 202 and tried now; 409 while a delivery attempt of the entry runs (it may deliver it). */
  @POST
  @Path("{id}/retry")
  public Response retry(@PathParam("id") String id) {
    return switch (queue.retryNow(id)) {
      case DONE -> Response.accepted(Map.of("id", id, "retry", "now")).build();
      case BUSY -> busy(id);
      case NO_ENTRY -> Problems.notFound("no queue entry " + id);
    };
  }

  /** 204; 409 while a delivery attempt of the entry runs. */
  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return switch (queue.delete(id)) {
      case DONE -> Response.noContent().build();
      case BUSY -> busy(id);
      case NO_ENTRY -> Problems.notFound("no queue entry " + id);
    };
  }

  private static Response busy(String id) {
    return Problems.conflict(
        "a delivery attempt of " + id + " is in progress; try again when it has ended");
  }

  static Map<String, Object> summary(QueueEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("sender", e.sender());
    m.put("arrived", e.arrived().toString());
    m.put("pending", e.pending().size());
    m.put("recipients", e.recipients().size());
    e.nextAttempt().ifPresent(t -> m.put("nextAttempt", t.toString()));
    e.pending().stream()
        .map(QueuedRecipient::lastError)
        .filter(x -> x != null)
        .findFirst()
        .ifPresent(x -> m.put("lastError", x));
    return m;
  }

  static Map<String, Object> detail(QueueEntry e) {
    Map<String, Object> m = summary(e);
    m.put(
        "recipientStates",
        e.recipients().stream()
            .map(
                r -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("address", r.address());
                  x.put("state", r.state().name());
                  x.put("attempts", r.attempts());
                  x.put("nextAttempt", r.nextAttempt().toString());
                  if (r.lastStatus() != null) {
                    x.put("status", r.lastStatus());
                  }
                  if (r.lastError() != null) {
                    x.put("lastError", r.lastError());
                  }
                  if (r.remoteMta() != null) {
                    x.put("remoteMta", r.remoteMta());
                  }
                  return x;
                })
            .toList());
    return m;
  }
}
