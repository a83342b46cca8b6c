import { describe } from 'node:test';
import type { IndexStore } from '../index-store.js';
import { describeConsoleContract } from './console-contract.js';
import { describeImageContract } from './image-contract.js';
import { describeRegistrationContract } from './registration-contract.js';
import { describeSearchContract } from './search-contract.js';
import { describeWriteContract } from './write-contract.js';

/**
 * The behaviour every IndexStore adapter must show, as a node:test suite. Each test gets a fresh,
 * empty store from `makeStore` and closes it; the factory owns any files or indices it creates.
 */
export function runIndexStoreContract(name: string, makeStore: () => Promise<IndexStore>): void {
  describe(`IndexStore contract: ${name}`, () => {
    describeWriteContract(makeStore);
    describeSearchContract(makeStore);
    describeImageContract(makeStore);
    describeRegistrationContract(makeStore);
    describeConsoleContract(makeStore);
  });
}

/** Runs `work` against a fresh store and always closes it. */
export async function withStore(makeStore: () => Promise<IndexStore>, work: (store: IndexStore) => Promise<void>): Promise<void> {
  const store = await makeStore();
  try {
    await work(store);
  } finally {
    await store.close();
  }
}
