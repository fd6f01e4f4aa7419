import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class Emitter {
    private listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: (...args: unknown[]) => void): this {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
  }
  class FakeWindow {
    static last: FakeWindow | null = null;
    events = new Emitter();
    webContents = new Emitter();
    options: Record<string, unknown>;
    maximized = false;
    minimized = false;
    destroyed = false;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      FakeWindow.last = this;
    }
    once(e: string, l: () => void): this {
      this.events.once(e, l);
      return this;
    }
    on(e: string, l: () => void): this {
      this.events.on(e, l);
      return this;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    FakeWindow,
    BrowserWindow: FakeWindow,
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
  };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, screen: electron.screen }));

import type { BrowserWindow } from 'electron';
import { createMainWindow, focusWindow } from './window';
import { loadWindowState } from './services/window-state';

const dir = mkdtempSync(path.join(tmpdir(), 'sp-win-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (stateFile: string) => ({
  title: '双评工作站',
  preloadPath: '/app/dist-electron/preload.cjs',
  url: 'app://shuangping/index.html',
  devTools: false,
  stateFile,
  log: vi.fn(),
});

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.FakeWindow.last = null;
  });

  it('opens with the secure preferences at the app URL, shown when ready', async () => {
    await createMainWindow(options(path.join(dir, 'none.json')));
    const win = electron.FakeWindow.last!;
    expect(win.options['webPreferences']).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.options['show']).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://shuangping/index.html');
    win.events.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('restores the saved bounds and maximized state, and saves on close', async () => {
    const file = path.join(dir, 'state.json');
    writeFileSync(file, JSON.stringify({ x: 100, y: 60, width: 1300, height: 900, maximized: true }));
    await createMainWindow(options(file));
    const win = electron.FakeWindow.last!;
    expect(win.options).toMatchObject({ x: 100, y: 60, width: 1300, height: 900 });
    expect(win.maximized).toBe(true);
    win.events.emit('close');
    await vi.waitFor(async () => expect(await loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true }));
  });
});

describe('focusWindow', () => {
  it('restores a minimized window and focuses it', () => {
    const win = new electron.FakeWindow({});
    win.minimized = true;
    focusWindow(win as unknown as BrowserWindow);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
  it('ignores a missing or destroyed window', () => {
    const win = new electron.FakeWindow({});
    win.destroyed = true;
    expect(() => focusWindow(null)).not.toThrow();
    focusWindow(win as unknown as BrowserWindow);
    expect(win.focus).not.toHaveBeenCalled();
  });
});
