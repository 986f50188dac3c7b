#!/usr/bin/env node
// Assembles README.md from the sections in docs/readme/ (in file-name order), and docs/guide/
// from the sections that are longer than a user needs on the front page (see readme-parts.js).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assemble } from './readme-parts.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const { readme, guide } = assemble(`${root}docs/readme`);
writeFileSync(`${root}README.md`, readme);
mkdirSync(`${root}docs/guide`, { recursive: true });
for (const f of readdirSync(`${root}docs/guide`)) rmSync(`${root}docs/guide/${f}`);
for (const g of guide) writeFileSync(`${root}docs/guide/${g.file}`, g.text);
console.log(`wrote README.md (${readme.split('\n').length} lines) and ${guide.length} guide pages`);
