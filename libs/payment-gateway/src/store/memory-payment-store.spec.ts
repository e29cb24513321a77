import { describeStoreRules } from '../testing/store-rules.shared-spec';
import { MemoryPaymentStore } from './memory-payment-store';

describe(MemoryPaymentStore.name, () => {
  describeStoreRules(
    async () => new MemoryPaymentStore(),
    async (store) => store,
  );
});
