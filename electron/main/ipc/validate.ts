/**
 * Pure validators of what the renderer sends, one per channel. Nothing from the
 * renderer is trusted: shapes, sizes, names and numbers are checked here before
 * any handler runs. Messages are Chinese because they end up in the UI.
 */
import type { Channel, FileFilter, RequestOf } from '../../../shared/ipc/contract';
import { LIMITS, isBackupName, isBackupPrefix, isSafeFileName } from '../services/names';

export { LIMITS, isBackupName, isBackupPrefix, isSafeFileName };

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(error: string): Checked<T> => ({ ok: false, error });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only the expected keys, so nothing unnoticed rides along. */
function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

function checkTitle(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return '标题不能为空';
  if (value.length > LIMITS.titleLength) return '标题过长';
  return null;
}

function checkBytes(value: unknown): string | null {
  if (!(value instanceof Uint8Array)) return '文件内容必须是字节数组';
  if (value.byteLength > LIMITS.bytes) return '文件过大(超过 512 MB)';
  return null;
}

const EXTENSION = /^(\*|[A-Za-z0-9]{1,10})$/;

export function checkFilters(value: unknown): Checked<FileFilter[]> {
  if (!Array.isArray(value)) return fail('文件类型列表必须是数组');
  if (value.length > LIMITS.filters) return fail('文件类型过多');
  const filters: FileFilter[] = [];
  for (const f of value) {
    if (!isRecord(f) || !hasOnlyKeys(f, ['name', 'extensions'])) return fail('文件类型格式不正确');
    const { name, extensions } = f;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100) return fail('文件类型名称不正确');
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > LIMITS.extensions) {
      return fail(`文件类型“${name}”的扩展名列表不正确`);
    }
    if (!extensions.every((e): e is string => typeof e === 'string' && EXTENSION.test(e))) {
      return fail(`文件类型“${name}”含有无效扩展名(只写字母数字,不带点)`);
    }
    filters.push({ name, extensions: [...extensions] });
  }
  return ok(filters);
}

function checkVoid(value: unknown): Checked<void> {
  return value === undefined ? ok(undefined) : fail('此请求不带参数');
}

type Validators = { [C in Channel]: (value: unknown) => Checked<RequestOf<C>> };

export const validators: Validators = {
  'app:info': checkVoid,

  'dialog:openFiles': (v) => {
    if (!isRecord(v) || !hasOnlyKeys(v, ['title', 'filters', 'multiple'])) return fail('请求格式不正确');
    const titleError = checkTitle(v['title']);
    if (titleError) return fail(titleError);
    const filters = checkFilters(v['filters']);
    if (!filters.ok) return filters;
    if (typeof v['multiple'] !== 'boolean') return fail('“可多选”必须是真或假');
    return ok({ title: v['title'] as string, filters: filters.value, multiple: v['multiple'] });
  },

  'dialog:saveFile': (v) => {
    if (!isRecord(v) || !hasOnlyKeys(v, ['title', 'suggestedName', 'filters', 'bytes'])) return fail('请求格式不正确');
    const titleError = checkTitle(v['title']);
    if (titleError) return fail(titleError);
    if (!isSafeFileName(v['suggestedName'])) return fail('建议的文件名无效(不能含路径或特殊字符)');
    const filters = checkFilters(v['filters']);
    if (!filters.ok) return filters;
    const bytesError = checkBytes(v['bytes']);
    if (bytesError) return fail(bytesError);
    return ok({
      title: v['title'] as string,
      suggestedName: v['suggestedName'],
      filters: filters.value,
      bytes: v['bytes'] as Uint8Array,
    });
  },

  'print:print': (v) => {
    if (!isRecord(v) || !hasOnlyKeys(v, ['landscape'])) return fail('请求格式不正确');
    if (typeof v['landscape'] !== 'boolean') return fail('“横向”必须是真或假');
    return ok({ landscape: v['landscape'] });
  },

  'print:savePdf': (v) => {
    if (!isRecord(v) || !hasOnlyKeys(v, ['suggestedName', 'landscape'])) return fail('请求格式不正确');
    if (!isSafeFileName(v['suggestedName'])) return fail('建议的文件名无效(不能含路径或特殊字符)');
    if (typeof v['landscape'] !== 'boolean') return fail('“横向”必须是真或假');
    return ok({ suggestedName: v['suggestedName'], landscape: v['landscape'] });
  },

  'backup:write': (v) => {
    if (!isRecord(v) || !hasOnlyKeys(v, ['name', 'bytes'])) return fail('请求格式不正确');
    if (!isBackupName(v['name'])) return fail('备份文件名无效');
    const bytesError = checkBytes(v['bytes']);
    if (bytesError) return fail(bytesError);
    return ok({ name: v['name'], bytes: v['bytes'] as Uint8Array });
  },

  'backup:list': checkVoid,

  'backup:read': (v) => {
    if (!isRecord(v) || !hasOnlyKeys(v, ['name'])) return fail('请求格式不正确');
    if (!isBackupName(v['name'])) return fail('备份文件名无效');
    return ok({ name: v['name'] });
  },

  'backup:prune': (v) => {
    if (!isRecord(v) || !hasOnlyKeys(v, ['prefix', 'keep'])) return fail('请求格式不正确');
    if (!isBackupPrefix(v['prefix'])) return fail('备份名前缀无效');
    const keep = v['keep'];
    if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 1 || keep > LIMITS.keep) {
      return fail(`保留份数必须是 1 到 ${LIMITS.keep} 之间的整数`);
    }
    return ok({ prefix: v['prefix'], keep });
  },
};
