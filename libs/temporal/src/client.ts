import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@app/config';
import { retriesForRunIdHints, type RunIdHints } from './run-id-hints';

/** How long the API keeps trying to reach Temporal at start before giving up. */
const CONNECT_PATIENCE_MS = 30_000;

/*
 * The API may start before the Temporal server answers (docker-compose brings them up together),
 * and a busy machine can let one attempt's deadline pass before it is sent: a few attempts with a
 * growing pause, then the last error. With `hints`, updates go to the run each workflow was last
 * seen in (run-id-hints.ts).
 */
export async function connectClient(config: AppConfig['temporal'], hints?: RunIdHints): Promise<Client> {
  const giveUpAt = Date.now() + CONNECT_PATIENCE_MS;
  for (let pause = 250; ; pause = Math.min(pause * 2, 4_000)) {
    try {
      const connection = await Connection.connect({
        address: config.address,
        connectTimeout: '5s',
        ...(hints ? { interceptors: retriesForRunIdHints() } : {}),
      });
      return new Client({
        connection,
        namespace: config.namespace,
        ...(hints ? { interceptors: { workflow: [hints] } } : {}),
      });
    } catch (err) {
      if (Date.now() + pause >= giveUpAt) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
