import { listBackups } from '../services/backups';
import type { Handler } from './types';

export const backupList: Handler<'backup:list'> = (_event, _request, { layout }) => listBackups(layout.backups);
