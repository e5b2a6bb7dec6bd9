import { describe, it } from 'vitest';
import { MongoStore } from '../../../monitoring-service/src/store/mongo-store.js';
import type { Store } from '../../../monitoring-service/src/store/store.js';
import { describeStoreContract } from './store-contract.js';

const uri = process.env.MONGODB_URI;
const retention = { maxAgeMs: 24 * 3600_000, maxEventsPerDataset: 100_000 };

if (uri) {
  describeStoreContract('MongoDB', async () => {
    let store: Store = await MongoStore.open(uri, retention);
    return {
      store,
      async reopen() {
        await store.close();
        store = await MongoStore.open(uri, retention);
        return store;
      },
      dispose: () => store.close(),
    };
  });
} else {
  describe('Store contract: MongoDB', () => {
    it.skip('runs only when MONGODB_URI points at a MongoDB server', () => undefined);
  });
}
