#!/usr/bin/env node
// `shuangping` command line: runs the TypeScript sources through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../shared/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`程序内部错误，请将以下信息报告给开发人员：\n${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 3;
}
