import { it } from 'vitest';
import { commandRegistry } from '../../src/cli/commands/index.js';
import { register as actors } from '../../src/cli/commands/actors.js';
import { register as caseCheck } from '../../src/cli/commands/case-check.js';
import { register as claims } from '../../src/cli/commands/claims.js';
import { register as commitments } from '../../src/cli/commands/commitments.js';
import { register as events } from '../../src/cli/commands/events.js';
import { register as scenarios } from '../../src/cli/commands/scenarios.js';
import { register as stances } from '../../src/cli/commands/stances.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
for (const r of [actors, events, claims, commitments, scenarios, stances, caseCheck]) if (!commandRegistry.includes(r)) commandRegistry.push(r);
it('show', async () => {
  const cmds = (process.env.SHOW ?? '').split('|');
  for (const c of cmds) {
    const io = memoryIo({}, process.cwd());
    const code = await main(['node', 'marsad', ...c.split(' ').filter(Boolean)], io);
    console.log(`$ marsad ${c}\n${io.stdout}${io.stderr}[exit ${code}]\n`);
  }
});
