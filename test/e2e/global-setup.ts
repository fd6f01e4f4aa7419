/** Builds the app once (unless E2E_SKIP_BUILD=1) and serves dist/ for every spec. */
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const { build } = await import('vite');
    await build({ configFile: `${repo}vite.config.ts`, logLevel: 'warn' });
  }
  const server = await serveStatic(`${repo}dist`);
  project.provide('baseUrl', server.url);
  return server.close;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
