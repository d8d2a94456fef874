import type { Server } from 'node:http';

/**
 * Node closes a kept-alive connection after 5 s idle. A client (or proxy) that sends on it just
 * as it closes gets "socket hang up" and no answer (the bench met one). So
 * idle connections stay open `keepAliveTimeoutMs` (HTTP_KEEP_ALIVE_TIMEOUT), longer than the idle
 * timeout of whatever sits in front, which then always closes first.
 */
export function keepIdleConnections(server: Server, keepAliveTimeoutMs: number): void {
  server.keepAliveTimeout = keepAliveTimeoutMs;
  // Kept above the idle timeout, as for any Node server behind a balancer; Node's default (60 s)
  // is below 65 s.
  server.headersTimeout = Math.max(server.headersTimeout, keepAliveTimeoutMs + 1_000);
}
