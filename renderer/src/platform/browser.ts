/**
 * The platform in a plain browser: a file input to open, `<a download>` to save,
 * `window.print()` for printing and PDF (the print dialog's 另存为 PDF), backups
 * in an IndexedDB of their own, each offered as a download (browser-backups.ts).
 */
import { browserBackups } from './browser-backups';
import type { FileFilter, PickedFile, Platform } from './types';

function accept(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

function pickFiles(filters: FileFilter[], multiple: boolean): Promise<PickedFile[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept(filters);
    input.multiple = multiple;
    input.style.display = 'none';
    const done = (files: PickedFile[] | null) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => {
      const list = Array.from(input.files ?? []);
      if (!list.length) return done(null);
      void Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then(done);
    });
    document.body.append(input);
    input.click();
  });
}

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/** Offers bytes as a download; returns the file name. */
export function download(name: string, bytes: Uint8Array): string {
  const type = MIME[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    info: async () => ({ version: '0.1.0', platform: 'browser', userDataPath: '' }),
    openFiles: ({ filters, multiple }) => pickFiles(filters, multiple),
    saveFile: async ({ suggestedName, bytes }) => ({ path: download(suggestedName, bytes) }),
    print: async () => {
      window.print();
      return true;
    },
    savePdf: async () => {
      window.print();
      return null;
    },
    ...browserBackups(),
  };
}
