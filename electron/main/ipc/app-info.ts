import { app } from 'electron';
import type { Handler } from './types';

export const appInfo: Handler<'app:info'> = async (_event, _request, { layout }) => ({
  version: app.getVersion(),
  platform: process.platform,
  userDataPath: layout.root,
});
