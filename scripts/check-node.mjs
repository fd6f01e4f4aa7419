#!/usr/bin/env node
// Run before npm test, demo, dev:web, build and dist (package.json): a clear message, exit 1, when Node is too old for what is run.
import { nodeProblem } from './node-version.mjs';

const problem = nodeProblem(process.version, process.argv[2] ?? 'run');
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
