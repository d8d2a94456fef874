import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@app/config';

/** How long the API keeps trying to reach Temporal at start before giving up. */
const CONNECT_PATIENCE_MS = 30_000;

/*
 * The API may start before the Temporal server answers (docker-compose brings them up together),
 * and a busy machine can let one attempt's deadline pass before it is sent: a few attempts with a
 * growing pause, then the last error.
 */
export async function connectClient(config: AppConfig['temporal']): Promise<Client> {
  const giveUpAt = Date.now() + CONNECT_PATIENCE_MS;
  for (let pause = 250; ; pause = Math.min(pause * 2, 4_000)) {
    try {
      const connection = await Connection.connect({ address: config.address, connectTimeout: '5s' });
      return new Client({ connection, namespace: config.namespace });
    } catch (err) {
      if (Date.now() + pause >= giveUpAt) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
