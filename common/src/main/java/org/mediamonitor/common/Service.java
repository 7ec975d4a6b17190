package org.mediamonitor.common;

import java.util.Map;

import io.javalin.Javalin;

/** What the launcher needs of each service: start, routes on the shared server, health, close. */
public interface Service extends AutoCloseable {

  String name();

  /** Starts work; a service that is ready once constructed need not override it. */
  default void start() {}

  /** Adds this service's endpoints to the process's HTTP server. */
  default void routes(Javalin app) {}

  /** Must hold {@code "up": true|false}; the rest is detail for operators. */
  Map<String, Object> health();

  @Override
  void close();
}
