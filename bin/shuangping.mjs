#!/usr/bin/env node
// `shuangping` command line: runs the TypeScript sources through tsx, no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Last resort for a bug: if the command's work ever stops without finishing (Node
// would exit 13 in silence on the pending top-level await), say so and exit 3.
let finished = false;
process.on('exit', () => {
  if (finished) return;
  process.stderr.write('程序内部错误：命令未执行完就停止了，未写出任何结果，请将所用的命令和文件报告给开发人员。\n');
  process.exitCode = 3;
});

// the project's compiler options wherever the command runs from (JSX of the print views)
register({ tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)) });
const { main } = await import('../cli/main.ts');
const { printPdf } = await import('../cli/print/printer.ts');
try {
  process.exitCode = await main(process.argv.slice(2), { printPdf });
} catch (error) {
  process.stderr.write(`程序内部错误，请将以下信息报告给开发人员：\n${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 3;
}
finished = true;
