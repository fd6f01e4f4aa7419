/** One `platform` object, picked once at start: Electron's bridge when present, else the browser. */
import { desktopApi, desktopPlatform } from './desktop-api';
import { browserPlatform } from './browser';
import type { Platform } from './types';

export function pickPlatform(scope?: { api?: unknown }): Platform {
  const api = desktopApi(scope);
  return api ? desktopPlatform(api) : browserPlatform();
}

export const platform: Platform = pickPlatform();

export * from './types';
export { download } from './browser';
