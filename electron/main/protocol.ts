/** Registers the `app:` scheme with Electron and serves `dist/` through `serve.ts`. */
import { protocol } from 'electron';
import { APP_SCHEME, type OriginPolicy } from './origin';
import { createAppProtocolHandler } from './serve';

/** Must run before `app.whenReady()`: `app:` behaves like https (standard, secure origin, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
}

/** After ready: serve `distDir` under `app://shuangping/`. */
export function handleAppProtocol(distDir: string, policy: OriginPolicy): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(distDir, policy));
}
