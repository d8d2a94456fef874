import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { createLogger } from '@app/logging';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp();
  await app.listen(config.http.port, config.http.host);
  createLogger('api', config.logLevel).info(
    { url: `${config.http.publicBaseUrl}/v1`, docs: `${config.http.publicBaseUrl}/v1/docs` },
    'API listening',
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else createLogger('api').fatal({ err }, 'API failed to start');
  process.exit(1);
});
