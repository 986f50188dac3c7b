#!/usr/bin/env node
// Writes docs/cli-reference.md from the compiled commands (run `npm run build` first).
import { writeFileSync } from 'node:fs';
import { cliReference } from '../dist/cli/reference.js';

writeFileSync(new URL('../docs/cli-reference.md', import.meta.url), cliReference());
console.log('wrote docs/cli-reference.md');
