import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../../../monitoring-service/src/store/embedded/embedded-store.js';
import type { Store } from '../../../../monitoring-service/src/store/store.js';
import { describeStoreContract } from '../store-contract.js';

const retention = { maxAgeMs: 7 * 24 * 3600_000, maxEventsPerDataset: 100_000 };

describeStoreContract('embedded', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'embedded-store-'));
  let store: Store = await EmbeddedStore.open({ dir, retention });
  return {
    store,
    async reopen() {
      await store.close();
      store = await EmbeddedStore.open({ dir, retention });
      return store;
    },
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
