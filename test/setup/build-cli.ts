/** The slow tier runs the command as a person does (bin/shuangping.mjs): built first from the sources as they are. */
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../cli/scripts/build';

export default async function setup(): Promise<void> {
  await buildCli({ root: fileURLToPath(new URL('../..', import.meta.url)) });
}
