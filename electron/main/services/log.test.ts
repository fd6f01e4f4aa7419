import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, formatLine } from './log';

const root = mkdtempSync(path.join(tmpdir(), 'sp-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = new Date('2024-05-01T08:00:00.000Z');

describe('logger', () => {
  it('formats one line per message', () => {
    expect(formatLine(at, 'warn', '已拒绝\n网络请求')).toBe('2024-05-01T08:00:00.000Z WARN 已拒绝 网络请求\n');
  });

  it('creates the folder and appends', () => {
    const logger = createLogger(path.join(root, 'logs'), 1024, () => at);
    logger.log('info', '启动');
    logger.log('error', '失败');
    expect(readFileSync(logger.file, 'utf8')).toBe(`${formatLine(at, 'info', '启动')}${formatLine(at, 'error', '失败')}`);
  });

  it('rotates once past the limit', () => {
    const dir = path.join(root, 'rotate');
    const logger = createLogger(dir, 10, () => at);
    logger.log('info', 'first line is long enough');
    logger.log('info', 'second');
    expect(readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toContain('first');
    expect(readFileSync(logger.file, 'utf8')).toContain('second');
  });

  it('never throws, even when the folder cannot be made', () => {
    const blocked = path.join(root, 'logs', 'main.log', 'sub');
    expect(() => createLogger(blocked).log('info', 'x')).not.toThrow();
    expect(existsSync(blocked)).toBe(false);
  });
});
