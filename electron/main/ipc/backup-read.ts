import { readBackup } from '../services/backups';
import type { Handler } from './types';

export const backupRead: Handler<'backup:read'> = (_event, { name }, { layout }) => readBackup(layout.backups, name);
