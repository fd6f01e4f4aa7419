/**
 * The layers fail the build when crossed: each deliberate violation below is linted as
 * if it were a file of the project (ESLint with eslint.config.js) and must be an error;
 * the same import where the layers allow it must not be. (The DOM and Node are kept out
 * by each layer's tsconfig.json: `tsc -b` fails on `document` in shared/ or `node:fs` in renderer/.)
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layers', () => {
  it.each([
    ['shared/method/x.ts', "import { db } from '../../renderer/src/db/db';\nexport const y = db;", 'import-x/no-restricted-paths'],
    ['shared/method/x.ts', "import { readFile } from 'node:fs/promises';\nexport const y = readFile;", 'no-restricted-imports'],
    ['shared/method/x.ts', "import Dexie from 'dexie';\nexport const y = Dexie;", 'no-restricted-imports'],
    ['renderer/src/features/roster/x.ts', "import { main } from '../../../../cli/main';\nexport const y = main;", 'import-x/no-restricted-paths'],
    ['renderer/src/features/roster/x.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;", 'import-x/no-nodejs-modules'],
    ['renderer/src/features/roster/x.ts', "import { tallyStatus } from '../ballots/store';\nexport const y = tallyStatus;", 'no-restricted-imports'],
    ['renderer/src/features/roster/x.ts', "import { App } from '../../app/App';\nexport const y = App;", 'import-x/no-restricted-paths'],
    ['renderer/src/db/x.ts', "import { useResult } from '../data/result';\nexport const y = useResult;", 'import-x/no-restricted-paths'],
    ['renderer/src/data/x.ts', "import { BallotsPage } from '../features/ballots';\nexport const y = BallotsPage;", 'import-x/no-restricted-paths'],
    ['electron/main/x.ts', "import { db } from '../../renderer/src/db/db';\nexport const y = db;", 'import-x/no-restricted-paths'],
    ['cli/x.ts', "import { db } from '../renderer/src/db/db';\nexport const y = db;", 'import-x/no-restricted-paths'],
  ])('%s may not %s', async (file, code, rule) => {
    expect(await problems(file, code)).toContain(rule);
  });

  it.each([
    ['renderer/src/features/roster/x.ts', "import { tallyStatus } from '../ballots';\nexport const y = tallyStatus;"],
    ['renderer/src/features/roster/x.ts', "import { useResult } from '../../data/result';\nexport const y = useResult;"],
    ['cli/x.ts', "import { printHtml } from '../renderer/src/features/print/views';\nexport const y = printHtml;"],
    ['shared/method/x.ts', "import { computeAssessment } from './compute';\nexport const y = computeAssessment;"],
  ])('%s may %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
