import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { LIMITS, checkFilters, isBackupName, isBackupPrefix, isSafeFileName, validators } from './validate';

const bytes = new Uint8Array([1, 2, 3]);
const xlsx = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

const isOk = (channel: keyof typeof validators, value: unknown): boolean => validators[channel](value).ok;

describe('validators', () => {
  it('cover every channel of the contract', () => {
    expect(Object.keys(validators).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(['app:info', 'backup:list'] as const)('%s takes no argument', (channel) => {
    expect(isOk(channel, undefined)).toBe(true);
    expect(isOk(channel, {})).toBe(false);
    expect(isOk(channel, null)).toBe(false);
    expect(isOk(channel, 'x')).toBe(false);
  });

  describe('dialog:openFiles', () => {
    const good = { title: '打开 Excel 工作簿', filters: xlsx, multiple: false };
    it('accepts a good request and returns a copy', () => {
      const r = validators['dialog:openFiles'](good);
      expect(r).toEqual({ ok: true, value: good });
    });
    it.each([
      ['not an object', 'x'],
      ['an array', [good]],
      ['empty title', { ...good, title: ' ' }],
      ['long title', { ...good, title: '字'.repeat(LIMITS.titleLength + 1) }],
      ['filters not array', { ...good, filters: 'xlsx' }],
      ['extension with dot', { ...good, filters: [{ name: 'x', extensions: ['.xlsx'] }] }],
      ['extension with path', { ...good, filters: [{ name: 'x', extensions: ['../x'] }] }],
      ['empty extensions', { ...good, filters: [{ name: 'x', extensions: [] }] }],
      ['filter without name', { ...good, filters: [{ extensions: ['xlsx'] }] }],
      ['multiple not boolean', { ...good, multiple: 'yes' }],
      ['extra key', { ...good, defaultPath: '/etc' }],
      ['missing key', { title: 't', filters: xlsx }],
    ])('rejects %s', (_label, value) => expect(isOk('dialog:openFiles', value)).toBe(false));
    it('gives a Chinese message', () => {
      const r = validators['dialog:openFiles']({ ...good, title: '' });
      expect(r).toEqual({ ok: false, error: '标题不能为空' });
    });
  });

  describe('dialog:saveFile', () => {
    const good = { title: '保存', suggestedName: '2024年度双评结果.xlsx', filters: xlsx, bytes };
    it('accepts a good request', () => expect(isOk('dialog:saveFile', good)).toBe(true));
    it.each([
      ['path in name', { ...good, suggestedName: '../../evil.xlsx' }],
      ['absolute path', { ...good, suggestedName: '/etc/passwd' }],
      ['windows path', { ...good, suggestedName: 'C:\\x.xlsx' }],
      ['empty name', { ...good, suggestedName: '' }],
      ['bytes as array', { ...good, bytes: [1, 2, 3] }],
      ['bytes as string', { ...good, bytes: 'abc' }],
      ['bytes missing', { title: 't', suggestedName: 'a.xlsx', filters: xlsx }],
      ['bad filters', { ...good, filters: [{ name: '', extensions: ['xlsx'] }] }],
    ])('rejects %s', (_label, value) => expect(isOk('dialog:saveFile', value)).toBe(false));
  });

  describe('print:print', () => {
    it.each([
      [{ landscape: true }, true],
      [{ landscape: false }, true],
      [{ landscape: 'true' }, false],
      [{}, false],
      [undefined, false],
      [{ landscape: true, silent: true }, false],
    ])('%j → %s', (value, ok) => expect(isOk('print:print', value)).toBe(ok));
  });

  describe('print:savePdf', () => {
    it.each([
      [{ suggestedName: '结果公示.pdf', landscape: true }, true],
      [{ suggestedName: '结果公示', landscape: false }, true],
      [{ suggestedName: '../x.pdf', landscape: false }, false],
      [{ suggestedName: 'a.pdf' }, false],
      [{ suggestedName: 'a.pdf', landscape: 1 }, false],
    ])('%j → %s', (value, ok) => expect(isOk('print:savePdf', value)).toBe(ok));
  });

  describe('backup:write', () => {
    it.each([
      [{ name: 'auto-2024-05-01T10-00-00.json', bytes }, true],
      [{ name: '手动备份-1.json', bytes }, true],
      [{ name: '../x.json', bytes }, false],
      [{ name: '.hidden', bytes }, false],
      [{ name: 'a/b.json', bytes }, false],
      [{ name: 'a.json', bytes: 'abc' }, false],
      [{ name: 'a.json' }, false],
    ])('%j → %s', (value, ok) => expect(isOk('backup:write', value)).toBe(ok));
  });

  describe('backup:read', () => {
    it.each([
      [{ name: 'auto-1.json' }, true],
      [{ name: '..' }, false],
      [{ name: 'a\\b' }, false],
      [{ name: 42 }, false],
      [{}, false],
    ])('%j → %s', (value, ok) => expect(isOk('backup:read', value)).toBe(ok));
  });

  describe('backup:prune', () => {
    it.each([
      [{ prefix: 'auto-', keep: 10 }, true],
      [{ prefix: '', keep: 1 }, true],
      [{ prefix: 'auto-', keep: 0 }, false],
      [{ prefix: 'auto-', keep: -1 }, false],
      [{ prefix: 'auto-', keep: 1.5 }, false],
      [{ prefix: 'auto-', keep: LIMITS.keep + 1 }, false],
      [{ prefix: 'auto-', keep: '3' }, false],
      [{ prefix: '../', keep: 3 }, false],
      [{ prefix: 'a/b', keep: 3 }, false],
      [{ keep: 3 }, false],
    ])('%j → %s', (value, ok) => expect(isOk('backup:prune', value)).toBe(ok));
  });
});

describe('checkFilters', () => {
  it('accepts *', () => expect(checkFilters([{ name: '所有文件', extensions: ['*'] }]).ok).toBe(true));
  it('limits the number of filters', () => {
    expect(checkFilters(Array.from({ length: LIMITS.filters + 1 }, () => xlsx[0])).ok).toBe(false);
  });
});

describe('names', () => {
  it.each([
    ['结果.xlsx', true],
    ['2024 年度 双评.pdf', true],
    ['a..b.xlsx', true],
    ['..', false],
    ['.', false],
    ['a/b', false],
    ['a\\b', false],
    ['a:b', false],
    ['a?.xlsx', false],
    ['CON', false],
    ['nul.txt', false],
    ['trailing.', false],
    ['trailing ', false],
    ['x'.repeat(201), false],
    ['tab\there', false],
  ])('safe file name %j → %s', (name, ok) => expect(isSafeFileName(name)).toBe(ok));

  it.each([
    ['auto-2024-05-01.json', true],
    ['备份_1.zip', true],
    ['a', true],
    ['', false],
    ['.tmp', false],
    ['-leading', false],
    ['a..b', false],
    ['a b', false],
    ['a/b', false],
    ['aux', false],
    ['ends.', false],
    ['x'.repeat(121), false],
    [7, false],
  ])('backup name %j → %s', (name, ok) => expect(isBackupName(name)).toBe(ok));

  it.each([
    ['', true],
    ['auto-', true],
    ['手动', true],
    ['a/b', false],
    ['a\\', false],
    [null, false],
  ])('backup prefix %j → %s', (prefix, ok) => expect(isBackupPrefix(prefix)).toBe(ok));
});
