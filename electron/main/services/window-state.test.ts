import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from './window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 984 };

describe('parseWindowState', () => {
  const good = { x: 10, y: 20, width: 1200, height: 800, maximized: false };
  it('accepts a good state', () => expect(parseWindowState(good)).toEqual(good));
  it('drops unknown keys', () => expect(parseWindowState({ ...good, evil: 1 })).toEqual(good));
  it.each([
    ['null', null],
    ['a string', '{}'],
    ['fractional', { ...good, x: 1.5 }],
    ['NaN', { ...good, width: Number.NaN }],
    ['too small', { ...good, width: 50 }],
    ['huge', { ...good, height: 100000 }],
    ['far away', { ...good, x: -99999 }],
    ['string number', { ...good, y: '20' }],
    ['maximized missing', { x: 1, y: 1, width: 1200, height: 800 }],
  ])('rejects %s', (_label, value) => expect(parseWindowState(value)).toBeNull());
});

describe('fitToDisplays', () => {
  it('centres the default size when nothing was saved', () => {
    expect(fitToDisplays(null, [primary])).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1040 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
      maximized: false,
    });
  });

  it('keeps a state that is on screen', () => {
    const s = { x: 100, y: 50, width: 1200, height: 800, maximized: true };
    expect(fitToDisplays(s, [primary, right])).toEqual(s);
  });

  it('keeps a window on the second display', () => {
    const s = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(s, [primary, right])).toEqual(s);
  });

  it('centres on the primary display when its monitor is gone', () => {
    const s = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(s, [primary])).toEqual({ x: 460, y: 170, width: 1000, height: 700, maximized: false });
  });

  it('pulls a half-visible window fully onto its display', () => {
    const s = { x: -300, y: 900, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(s, [primary])).toEqual({ x: 0, y: 240, width: 1200, height: 800, maximized: false });
  });

  it('shrinks a window larger than its display', () => {
    const s = { x: 0, y: 0, width: 3000, height: 2000, maximized: false };
    expect(fitToDisplays(s, [primary])).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('does not count a sliver as visible', () => {
    const s = { x: 1900, y: 0, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(s, [primary])).toMatchObject({ x: 460, y: 170 });
  });
});

describe('load and save', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-ws-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'sub', 'window-state.json');

  it('loads null when there is no file or it is broken', async () => {
    expect(await loadWindowState(file)).toBeNull();
    writeFileSync(path.join(dir, 'broken.json'), '{not json');
    expect(await loadWindowState(path.join(dir, 'broken.json'))).toBeNull();
  });

  it('round-trips a state', async () => {
    const s = { x: 1, y: 2, width: 1300, height: 900, maximized: true };
    await saveWindowState(file, s);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(s);
    expect(await loadWindowState(file)).toEqual(s);
  });

  it('does not save an invalid state', async () => {
    const other = path.join(dir, 'other.json');
    await saveWindowState(other, { x: 0, y: 0, width: 0, height: 0, maximized: false });
    expect(await loadWindowState(other)).toBeNull();
  });
});
