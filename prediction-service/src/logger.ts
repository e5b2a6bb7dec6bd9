import { type Logger, pino } from 'pino';

/** JSON logs on stdout, one object per line. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'prediction-service' } });
}
