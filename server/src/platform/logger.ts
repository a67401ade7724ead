import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  readonly level: LevelWithSilent;
  /** Log to stderr (CLI) instead of stdout (server), so command output stays clean for pipes. */
  readonly toStderr?: boolean;
}

/** Structured JSON logs; one logger per process, children carry request and job context. */
export const createLogger = (options: LoggerOptions): Logger =>
  pino(
    { level: options.level, base: { service: '254carbon' } },
    options.toStderr ? pino.destination(2) : undefined,
  );

/** A logger that drops everything; for tests and benchmarks. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
