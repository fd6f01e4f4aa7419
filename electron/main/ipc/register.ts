/**
 * Registers one `ipcMain.handle` per channel of the contract. Before a handler
 * runs, the sender must be the app's own main frame and the request must pass
 * its validator; otherwise the call is rejected (the renderer's promise fails
 * with a Chinese message) and the attempt is logged.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Channel } from '../../../shared/ipc/contract';
import type { OriginPolicy } from '../origin';
import { backupList } from './backup-list';
import { backupPrune } from './backup-prune';
import { backupRead } from './backup-read';
import { backupWrite } from './backup-write';
import { appInfo } from './app-info';
import { dialogOpenFiles } from './dialog-open-files';
import { dialogSaveFile } from './dialog-save-file';
import { printPrint } from './print-print';
import { printSavePdf } from './print-save-pdf';
import { isTrustedSender } from './sender';
import type { HandlerContext, Handlers } from './types';
import { validators } from './validate';

export const handlers: Handlers = {
  'app:info': appInfo,
  'dialog:openFiles': dialogOpenFiles,
  'dialog:saveFile': dialogSaveFile,
  'print:print': printPrint,
  'print:savePdf': printSavePdf,
  'backup:write': backupWrite,
  'backup:list': backupList,
  'backup:read': backupRead,
  'backup:prune': backupPrune,
};

export const UNTRUSTED_SENDER = '已拒绝:请求不是来自本应用的主窗口';

/** The checked call of one channel, as `ipcMain.handle` will run it. */
export function guardedHandler<C extends Channel>(
  channel: C,
  policy: OriginPolicy,
  context: HandlerContext,
): (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> {
  return async (event, ...args) => {
    if (!isTrustedSender(event.senderFrame, policy)) {
      context.log(`IPC ${channel}:拒绝来自 ${event.senderFrame?.url ?? '未知页面'} 的调用`);
      throw new Error(UNTRUSTED_SENDER);
    }
    const checked = args.length <= 1 ? validators[channel](args[0]) : { ok: false as const, error: '参数过多' };
    if (!checked.ok) {
      context.log(`IPC ${channel}:参数无效:${checked.error}`);
      throw new Error(`参数无效:${checked.error}`);
    }
    return handlers[channel](event, checked.value, context);
  };
}

export function registerIpcHandlers(ipcMain: IpcMain, policy: OriginPolicy, context: HandlerContext): void {
  for (const channel of CHANNELS) ipcMain.handle(channel, guardedHandler(channel, policy, context));
}
