#!/usr/bin/env node
// `shuangping` command line: runs the command as built by `npm run build:cli` (dist-cli/,
// built by `npm ci` and `npm install` too), so no TypeScript is compiled when it runs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Last resort for a bug: if the command's work ever stops without finishing (Node
// would exit 13 in silence on the pending top-level await), say so and exit 3.
let finished = false;
process.on('exit', () => {
  if (finished) return;
  process.stderr.write('程序内部错误：命令未执行完就停止了，未写出任何结果，请将所用的命令和文件报告给开发人员。\n');
  process.exitCode = 3;
});

const built = new URL('../dist-cli/shuangping.mjs', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('命令行尚未构建：请在项目文件夹中运行 npm run build:cli（npm ci 和 npm install 会自动构建）。\n');
  process.exitCode = 3;
} else {
  try {
    const { run } = await import(built.href);
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`程序内部错误，请将以下信息报告给开发人员：\n${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  }
}
finished = true;
