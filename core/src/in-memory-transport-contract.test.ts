import { InMemoryTransport } from './in-memory-transport.js';
import { runTransportContract } from './transport-contract.js';

runTransportContract('in-memory', async ({ maxAttempts, retryBaseMs }) => {
  const transport = new InMemoryTransport({ maxAttempts, retryBaseMs });
  return { transport, start: async () => undefined, dispose: () => transport.close() };
});
