/** Installs the Chinese application menu with its folder and about actions. */
import { mkdir } from 'node:fs/promises';
import { Menu, dialog, shell } from 'electron';
import { buildMenuTemplate } from './services/menu';
import type { DataLayout } from './services/paths';

export function installMenu(options: { productName: string; version: string; isDev: boolean; layout: DataLayout; log: (message: string) => void }): void {
  const open = (dir: string): void => {
    mkdir(dir, { recursive: true })
      .then(() => shell.openPath(dir))
      .then((error) => {
        if (error) options.log(`无法打开文件夹 ${dir}:${error}`);
      })
      .catch((e: unknown) => options.log(`无法打开文件夹 ${dir}:${String(e)}`));
  };
  const template = buildMenuTemplate(
    { isMac: process.platform === 'darwin', isDev: options.isDev, productName: options.productName },
    {
      openDataFolder: () => open(options.layout.root),
      openBackupsFolder: () => open(options.layout.backups),
      openLogsFolder: () => open(options.layout.logs),
      showAbout: () => {
        void dialog.showMessageBox({
          type: 'info',
          title: `关于${options.productName}`,
          message: `${options.productName} ${options.version}`,
          detail: '村(社区)党组织第一书记“三定一诺双评”考核工作站。\n离线运行,数据只保存在本机。',
          buttons: ['确定'],
        });
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
