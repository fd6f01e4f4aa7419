/**
 * The Chinese application menu: 文件 / 编辑 / 视图 / 窗口 / 帮助. Standard
 * actions use Electron roles (so shortcuts and platform behaviour come for free)
 * with Chinese labels; the template is a pure function of a few options.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataFolder(): void;
  openBackupsFolder(): void;
  openLogsFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  isMac: boolean;
  /** development build: adds 开发者工具 and 强制重新加载 */
  isDev: boolean;
  productName: string;
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const { isMac, isDev, productName } = options;
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: productName,
      submenu: [
        { label: `关于${productName}`, click: () => actions.showAbout() },
        sep,
        { role: 'hide', label: `隐藏${productName}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        sep,
        { role: 'quit', label: `退出${productName}` },
      ],
    });
  }

  template.push(
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { label: '打开备份文件夹', click: () => actions.openBackupsFolder() },
        sep,
        isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        sep,
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'delete', label: '删除' },
        sep,
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(isDev
          ? ([
              { role: 'forceReload', label: '强制重新加载' },
              { role: 'toggleDevTools', label: '开发者工具' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        sep,
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        sep,
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '窗口',
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'zoom', label: '缩放' },
        ...(isMac ? ([{ role: 'front', label: '前置全部窗口' }] satisfies MenuItemConstructorOptions[]) : []),
        sep,
        { role: 'close', label: '关闭窗口' },
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: [
        { label: '打开日志文件夹', click: () => actions.openLogsFolder() },
        ...(isMac ? [] : [sep, { label: `关于${productName}`, click: () => actions.showAbout() }]),
      ],
    },
  );
  return template;
}
