/** 备份与恢复: backups of the whole database, and restoring one after a preview. What the rest of the app may use of it. */
export { BackupsPage } from './BackupsPage';
