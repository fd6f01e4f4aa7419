import { pruneBackups } from '../services/backups';
import type { Handler } from './types';

export const backupPrune: Handler<'backup:prune'> = (_event, { prefix, keep }, { layout, log }) =>
  pruneBackups(layout.backups, prefix, keep).then((removed) => {
    if (removed > 0) log(`已清理旧备份 ${removed} 份(前缀“${prefix}”,保留 ${keep} 份)`);
    return removed;
  });
