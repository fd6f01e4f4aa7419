import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

const electron = vi.hoisted(() => ({
  app: { getVersion: vi.fn(() => '0.1.0'), getPath: vi.fn((_name: string) => '/documents') },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) },
}));
vi.mock('electron', () => electron);

import { CHANNELS, type Channel } from '../../../shared/ipc/contract';
import { dataLayout } from '../services/paths';
import { UNTRUSTED_SENDER, handlers, registerIpcHandlers } from './register';

const root = mkdtempSync(path.join(tmpdir(), 'sp-ipc-'));
const documents = path.join(root, 'documents');
const userData = path.join(root, 'userData');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const layout = dataLayout(userData);
const log = vi.fn();
const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
const ipcMain = { handle: vi.fn((c: string, h: never) => registered.set(c, h)) } as unknown as IpcMain;
registerIpcHandlers(ipcMain, { devServer: null }, { layout, log });

const sender = { print: vi.fn(), printToPDF: vi.fn() };
function eventFrom(url: string | null, parent: object | null = null): IpcMainInvokeEvent {
  return { sender, senderFrame: url === null ? null : { url, parent } } as unknown as IpcMainInvokeEvent;
}
const appEvent = eventFrom('app://shuangping/index.html');
const invoke = (channel: Channel, ...args: unknown[]): Promise<unknown> => {
  const handler = registered.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(appEvent, ...args);
};

beforeEach(() => {
  vi.clearAllMocks();
  electron.app.getPath.mockImplementation(() => documents);
});

describe('registration', () => {
  it('registers one handler per channel of the contract, and no other', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });
});

describe('sender check', () => {
  it.each([
    ['a remote page', eventFrom('https://example.com/')],
    ['a file page', eventFrom('file:///tmp/x.html')],
    ['a subframe of the app', eventFrom('app://shuangping/x.html', { url: 'app://shuangping/index.html' })],
    ['a destroyed frame', eventFrom(null)],
  ])('rejects %s before anything runs', async (_label, event) => {
    for (const channel of CHANNELS) {
      await expect(registered.get(channel)?.(event, undefined)).rejects.toThrow(UNTRUSTED_SENDER);
    }
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });
});

describe('argument check', () => {
  it('rejects a bad request with a Chinese message', async () => {
    await expect(invoke('backup:read', { name: '../../etc/passwd' })).rejects.toThrow('参数无效:备份文件名无效');
    await expect(invoke('print:print', { landscape: 'yes' })).rejects.toThrow('参数无效');
  });
  it('rejects extra arguments', async () => {
    await expect(invoke('app:info', undefined, 'extra')).rejects.toThrow('参数过多');
  });
});

describe('app:info', () => {
  it('reports version, platform and the user data folder', async () => {
    expect(await invoke('app:info')).toEqual({ version: '0.1.0', platform: process.platform, userDataPath: userData });
  });
});

describe('dialog:openFiles', () => {
  const a = path.join(root, '花名册.xlsx');
  const b = path.join(root, '附件.pdf');
  writeFileSync(a, 'AAA');
  writeFileSync(b, 'BB');

  it('returns the picked files as name + bytes', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [a, b] });
    const picked = (await invoke('dialog:openFiles', {
      title: '选择证明材料',
      filters: [{ name: '证明材料', extensions: ['xlsx', 'pdf'] }],
      multiple: true,
    })) as { name: string; bytes: Uint8Array }[];
    expect(picked.map((p) => p.name)).toEqual(['花名册.xlsx', '附件.pdf']);
    expect(Buffer.from(picked[0]!.bytes).toString()).toBe('AAA');
    expect(picked[1]!.bytes).toBeInstanceOf(Uint8Array);
    const [, options] = electron.dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(options).toMatchObject({ title: '选择证明材料', properties: ['openFile', 'multiSelections'] });
  });

  it('opens one file and falls back to 所有文件 without filters', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [a] });
    await invoke('dialog:openFiles', { title: '打开', filters: [], multiple: false });
    const [, options] = electron.dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: '所有文件', extensions: ['*'] }]);
  });

  it('returns null when cancelled', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await invoke('dialog:openFiles', { title: '打开', filters: [], multiple: false })).toBeNull();
  });
});

describe('dialog:saveFile', () => {
  const request = {
    title: '保存 Excel 工作簿',
    suggestedName: '结果.xlsx',
    filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    bytes: new Uint8Array([80, 75, 3, 4]),
  };

  it('writes the bytes where the person chose, adding the extension if missing', async () => {
    const chosen = path.join(root, '导出结果');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    expect(await invoke('dialog:saveFile', request)).toEqual({ path: `${chosen}.xlsx` });
    expect([...readFileSync(`${chosen}.xlsx`)]).toEqual([80, 75, 3, 4]);
    const [, options] = electron.dialog.showSaveDialog.mock.calls[0] as [unknown, Electron.SaveDialogOptions];
    expect(options).toMatchObject({ title: '保存 Excel 工作簿', defaultPath: path.join(documents, '结果.xlsx') });
  });

  it('returns null and writes nothing when cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await invoke('dialog:saveFile', request)).toBeNull();
  });
});

describe('print:print', () => {
  it.each([
    [true, ''],
    [false, 'Print job canceled'],
  ])('prints through the system dialog (success %s)', async (success, reason) => {
    sender.print.mockImplementation((_options, callback: (s: boolean, r: string) => void) => callback(success, reason));
    expect(await invoke('print:print', { landscape: true })).toBe(success);
    expect(sender.print).toHaveBeenCalledWith({ silent: false, printBackground: true, landscape: true, pageSize: 'A4' }, expect.any(Function));
  });

  it('logs a real failure', async () => {
    sender.print.mockImplementation((_o, callback: (s: boolean, r: string) => void) => callback(false, 'Printer offline'));
    expect(await invoke('print:print', { landscape: false })).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Printer offline'));
  });
});

describe('print:savePdf', () => {
  const pdf = Buffer.from('%PDF-1.7 test');

  it('renders A4 (landscape as asked), asks where, writes the file', async () => {
    sender.printToPDF.mockResolvedValue(pdf);
    const chosen = path.join(root, '结果公示.pdf');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    expect(await invoke('print:savePdf', { suggestedName: '结果公示', landscape: true })).toEqual({ path: chosen });
    expect(readFileSync(chosen).toString()).toBe('%PDF-1.7 test');
    expect(sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', landscape: true }));
    const [, options] = electron.dialog.showSaveDialog.mock.calls[0] as [unknown, Electron.SaveDialogOptions];
    expect(options).toMatchObject({
      title: '另存为 PDF',
      defaultPath: path.join(documents, '结果公示.pdf'),
      filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
    });
  });

  it('portrait, and null without writing when cancelled', async () => {
    sender.printToPDF.mockResolvedValue(pdf);
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await invoke('print:savePdf', { suggestedName: 'x.pdf', landscape: false })).toBeNull();
    expect(sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ landscape: false }));
  });
});

describe('backup:*', () => {
  it('writes, lists, reads and prunes in userData/backups', async () => {
    for (const n of [1, 2, 3]) {
      const entry = await invoke('backup:write', { name: `auto-${n}.json`, bytes: new Uint8Array([n]) });
      expect(entry).toMatchObject({ name: `auto-${n}.json`, size: 1 });
    }
    await invoke('backup:write', { name: '手动-1.json', bytes: new Uint8Array([9, 9]) });
    expect(existsSync(path.join(userData, 'backups', 'auto-2.json'))).toBe(true);

    const list = (await invoke('backup:list')) as { name: string }[];
    expect(list.map((e) => e.name).sort()).toEqual(['auto-1.json', 'auto-2.json', 'auto-3.json', '手动-1.json']);

    expect([...((await invoke('backup:read', { name: 'auto-2.json' })) as Uint8Array)]).toEqual([2]);
    await expect(invoke('backup:read', { name: 'missing.json' })).rejects.toThrow('备份不存在');

    expect(await invoke('backup:prune', { prefix: 'auto-', keep: 1 })).toBe(2);
    const left = ((await invoke('backup:list')) as { name: string }[]).map((e) => e.name);
    expect(left).toHaveLength(2);
    expect(left).toContain('手动-1.json');
  });
});
