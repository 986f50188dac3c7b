import { openStore } from '../../src/store/index.js';
import { storeSpec } from './spec.js';

storeSpec('PGlite (in memory)', async () => {
  const store = await openStore({ memory: true });
  return { store, dispose: () => store.close() };
});
