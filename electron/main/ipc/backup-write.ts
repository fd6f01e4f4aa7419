import { writeBackup } from '../services/backups';
import type { Handler } from './types';

export const backupWrite: Handler<'backup:write'> = (_event, { name, bytes }, { layout }) => writeBackup(layout.backups, name, bytes);
