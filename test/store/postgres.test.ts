import { openStore } from '../../src/store/index.js';
import { freshSchema } from '../support/database.js';
import { storeSpec } from './spec.js';

storeSpec('PostgreSQL', async () => {
  const { databaseUrl, schema, drop } = await freshSchema('store');
  const store = await openStore({ databaseUrl, schema });
  return {
    store,
    async dispose() {
      await store.close();
      await drop();
    },
  };
});
