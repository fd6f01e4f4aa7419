/**
 * Names that reach the file system: file names suggested to save dialogs and
 * backup names. Pure; used by the IPC validators and again by the services.
 */

export const LIMITS = {
  titleLength: 200,
  fileNameLength: 200,
  filters: 20,
  extensions: 30,
  /** a workbook, an exchange package or a backup; IPC copies it whole */
  bytes: 512 * 1024 * 1024,
  keep: 1000,
} as const;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[<>:"/\\|?*\u0000-\u001f]/;

/**
 * A file name suggested for a save dialog: a name, not a path, valid on
 * Windows and Linux (no separators, reserved device names or trailing dot/space).
 */
export function isSafeFileName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= LIMITS.fileNameLength &&
    !FORBIDDEN_IN_NAME.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED.test(name)
  );
}

/**
 * A backup file name: letters (Chinese too), digits, `._-`, not starting with a
 * dot, no `..`, at most 120 characters. Temporary files start with a dot and so
 * never count as backups.
 */
export function isBackupName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,119}$/u.test(name) &&
    !name.includes('..') &&
    !name.endsWith('.') &&
    !WINDOWS_RESERVED.test(name)
  );
}

/** A backup name prefix: the same characters as a name, may be empty. */
export function isBackupPrefix(prefix: unknown): prefix is string {
  return typeof prefix === 'string' && /^[\p{L}\p{N}._-]{0,120}$/u.test(prefix);
}
