#!/usr/bin/env node
// Assembles README.md from the sections in docs/readme/ (in file-name order): each capability
// keeps its section next to the others' and the README is one page to read.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../docs/readme/', import.meta.url);
const parts = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8').trim());
writeFileSync(new URL('../README.md', import.meta.url), `${parts.join('\n\n')}\n`);
console.log(`wrote README.md from ${parts.length} sections`);
