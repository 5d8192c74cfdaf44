package io.chargen.generator;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards connected to {@code /v1/stream}, each with its token's tenant: an event of a tenant is sent as a
 * JSON text frame to that tenant's dashboards only (issue 12). A
 * dashboard too slow to take its frames (write queue full) misses events rather than growing this process's memory;
 * it can always fetch results with {@code GET /v1/generations/{id}}.
 */
public final class StreamHub {
  private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

  private final Map<ServerWebSocket, String> sessions = new ConcurrentHashMap<>();

  /**
   * @param tenant the dashboard's tenant
   * @param socket a dashboard that just connected; removed when it closes
   */
  public void join(String tenant, ServerWebSocket socket) {
    sessions.put(socket, tenant);
    LOG.info("stream session opened from {} ({} open)", socket.remoteAddress(), sessions.size());
    socket.closeHandler(v -> {
      sessions.remove(socket);
      LOG.info("stream session closed ({} open)", sessions.size());
    });
    socket.exceptionHandler(e -> LOG.warn("stream session {} failed", socket.remoteAddress(), e));
  }

  /**
   * @param tenant whose event it is
   * @param event sent to every open session of that tenant
   */
  public void broadcast(String tenant, JsonObject event) {
    if (sessions.isEmpty()) {
      return;
    }
    String text = event.encode();
    for (Map.Entry<ServerWebSocket, String> session : sessions.entrySet()) {
      ServerWebSocket socket = session.getKey();
      if (!session.getValue().equals(tenant) || socket.isClosed() || socket.writeQueueFull()) {
        continue;
      }
      socket.writeTextMessage(text)
          .onFailure(e -> LOG.debug("stream frame to {} not sent: {}", socket.remoteAddress(), e.getMessage()));
    }
  }

  /** @return open sessions, for the gauge */
  public int size() {
    return sessions.size();
  }

  /** Closes every session, on shutdown. */
  public void closeAll() {
    sessions.keySet().forEach(ServerWebSocket::close);
    sessions.clear();
  }
}
