/**
 * Who the app is: its own scheme and origin, and (in development only) the Vite
 * dev server it may load instead. Pure; every security check reads this policy.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'shuangping';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface OriginPolicy {
  /** `http://localhost:5173` in `npm run dev`; null in a built or packaged app */
  readonly devServer: string | null;
}

export const PRODUCTION_POLICY: OriginPolicy = { devServer: null };

/**
 * `scheme://host[:port]` of a URL, or null. Computed by hand because WHATWG
 * `URL.origin` is the opaque "null" for non-special schemes such as `app:`.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** The origins whose pages are the app: always `app://shuangping`, plus the dev server. */
export function appOrigins(policy: OriginPolicy): string[] {
  return policy.devServer === null ? [APP_ORIGIN] : [APP_ORIGIN, policy.devServer];
}

export function isAppOrigin(url: string, policy: OriginPolicy): boolean {
  const origin = originOf(url);
  return origin !== null && appOrigins(policy).includes(origin);
}

/**
 * Accepts only a loopback http URL (what `vite` prints) as a dev server, and
 * returns its origin; anything else is ignored so an environment variable can
 * never point the app at a remote site.
 */
export function parseDevServerUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:') return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return null;
  return `${parsed.protocol}//${parsed.host}`;
}
