import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** The one structured logger shape for every process: JSON lines, service name, ISO time. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { service },
    redact: ['req.headers.authorization'],
  });
}
