import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@app/config';

export async function connectClient(config: AppConfig['temporal']): Promise<Client> {
  const connection = await Connection.connect({ address: config.address, connectTimeout: '5s' });
  return new Client({ connection, namespace: config.namespace });
}
