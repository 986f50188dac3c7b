// Builds dist/pglite-template.tar.gz: an empty embedded store with Marsad's schema, dumped once
// at build time, so that a new data folder starts from a copy of it instead of running
// PostgreSQL's initdb and every migration (seconds) on first use. Run by `npm run build`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { migrate, SCHEMA_VERSION } from '../dist/store/migrations.js';
import { pgliteSqlClient } from '../dist/store/pglite.js';
import { TEMPLATE_FILE } from '../dist/store/pglite-template.js';

const db = new PGlite();
await db.waitReady;
await migrate(pgliteSqlClient(db));
const dump = await db.dumpDataDir('gzip');
await db.close();
const target = fileURLToPath(new URL(`../dist/${TEMPLATE_FILE}`, import.meta.url));
writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
console.log(`wrote ${target}: schema version ${SCHEMA_VERSION}, ${(dump.size / 1024 / 1024).toFixed(1)} MB`);
