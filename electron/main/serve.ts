/**
 * What `app://shuangping/…` serves: the built renderer from `dist/` (never
 * `file://`), with the CSP on every response and no way out of `dist/`.
 * Pure of Electron (a fetch-style handler), so it also runs under plain Node.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, type OriginPolicy } from './origin';
import { buildCsp } from './security';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an `app://shuangping/<path>` URL to a file inside `distDir`.
 * `/` and extension-less paths (client-side routes) give `index.html`.
 * Refused: other schemes or hosts, malformed escapes, NUL, backslashes, and
 * anything that would resolve outside `distDir` (also via `%2e%2e%2f`).
 */
export function resolveAppPath(distDir: string, url: string): Resolved {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403 };
  const segments = pathname.split('/');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403 };
  const root = path.resolve(distDir);
  let relative = segments.filter((s) => s !== '' && s !== '.').join('/');
  if (relative === '' || path.posix.extname(relative) === '') relative = 'index.html';
  const filePath = path.resolve(root, relative);
  const inside = path.relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

const STATUS_TEXT = { 400: '请求无效', 403: '禁止访问', 404: '未找到' } as const;

/** The `protocol.handle` handler: reads the file, answers with MIME type and CSP. */
export function createAppProtocolHandler(distDir: string, policy: OriginPolicy): (request: Request) => Promise<Response> {
  const baseHeaders = {
    'Content-Security-Policy': buildCsp(policy),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  return async (request) => {
    const resolved = resolveAppPath(distDir, request.url);
    if (!resolved.ok) return errorResponse(resolved.status, baseHeaders);
    let body: Buffer;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      return errorResponse(404, baseHeaders);
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': mimeTypeOf(resolved.filePath) },
    });
  };
}

function errorResponse(status: 400 | 403 | 404, headers: Record<string, string>): Response {
  return new Response(STATUS_TEXT[status], {
    status,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
