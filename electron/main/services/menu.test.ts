import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

const actions = { openDataFolder: vi.fn(), openBackupsFolder: vi.fn(), openLogsFolder: vi.fn(), showAbout: vi.fn() };
const build = (isMac: boolean, isDev: boolean): MenuItemConstructorOptions[] => buildMenuTemplate({ isMac, isDev, productName: '双评工作站' }, actions);
const items = (menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => (menu?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
const CJK = /[\u4e00-\u9fff]/;

describe('buildMenuTemplate', () => {
  it('has the five Chinese menus on Windows and Linux', () => {
    expect(build(false, false).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('puts the app menu first on macOS', () => {
    expect(build(true, false).map((m) => m.label)).toEqual(['双评工作站', '文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('labels every item in Chinese', () => {
    for (const isMac of [false, true]) {
      for (const menu of build(isMac, true)) {
        for (const item of items(menu)) {
          if (item.type === 'separator') continue;
          expect(item.label, JSON.stringify(item)).toMatch(CJK);
        }
      }
    }
  });

  it('uses roles for the edit menu', () => {
    const edit = items(build(false, false)[1]);
    expect(edit.filter((i) => i.role).map((i) => [i.role, i.label])).toEqual([
      ['undo', '撤销'],
      ['redo', '重做'],
      ['cut', '剪切'],
      ['copy', '复制'],
      ['paste', '粘贴'],
      ['delete', '删除'],
      ['selectAll', '全选'],
    ]);
  });

  it('shows developer tools only in development', () => {
    const roles = (isDev: boolean): unknown[] => items(build(false, isDev)[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('wires the folder and about actions', () => {
    const [file, , , , help] = build(false, false);
    const click = (menu: MenuItemConstructorOptions | undefined, label: string): void =>
      (items(menu).find((i) => i.label === label)?.click as (() => void) | undefined)?.();
    click(file, '打开数据文件夹');
    click(file, '打开备份文件夹');
    click(help, '打开日志文件夹');
    click(help, '关于双评工作站');
    expect(actions.openDataFolder).toHaveBeenCalledOnce();
    expect(actions.openBackupsFolder).toHaveBeenCalledOnce();
    expect(actions.openLogsFolder).toHaveBeenCalledOnce();
    expect(actions.showAbout).toHaveBeenCalledOnce();
  });

  it('ends the file menu with 退出 (quit) on Windows', () => {
    const file = items(build(false, false)[0]);
    expect(file.at(-1)).toEqual({ role: 'quit', label: '退出' });
  });
});
