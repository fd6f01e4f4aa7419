/**
 * A small append-only log in `userData/logs/main.log`, rotated once to
 * `main.1.log` past 1 MB. Logging never throws: a full disk must not stop the app.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export type Level = 'info' | 'warn' | 'error';

export interface Logger {
  readonly file: string;
  log(level: Level, message: string): void;
}

export const MAX_LOG_BYTES = 1024 * 1024;

export function formatLine(at: Date, level: Level, message: string): string {
  return `${at.toISOString()} ${level.toUpperCase()} ${message.replace(/[\r\n]+/g, ' ')}\n`;
}

export function createLogger(dir: string, maxBytes = MAX_LOG_BYTES, now: () => Date = () => new Date()): Logger {
  const file = path.join(dir, 'main.log');
  return {
    file,
    log(level, message) {
      try {
        mkdirSync(dir, { recursive: true });
        try {
          if (statSync(file).size >= maxBytes) renameSync(file, path.join(dir, 'main.1.log'));
        } catch {
          // no log yet
        }
        appendFileSync(file, formatLine(now(), level, message), 'utf8');
      } catch {
        // ignore: logging is best effort
      }
    },
  };
}
