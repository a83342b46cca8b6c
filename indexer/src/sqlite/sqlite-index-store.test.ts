import { after } from 'node:test';
import { runIndexStoreContract } from '../contract/index-store-contract.js';
import { SqliteIndexStore } from './sqlite-index-store.js';
import { TempDirs } from './temp-index.js';

const temp = new TempDirs();
after(() => temp.removeAll());

runIndexStoreContract('sqlite', async () => SqliteIndexStore.open(temp.indexPath()));
