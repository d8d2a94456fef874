import type { Provider } from '@nestjs/common';
import { APP_CONFIG, loadWebConfig, type AppConfig, type WebConfig } from '@app/config';

export const WEB_CONFIG = Symbol('WEB_CONFIG');

export const webConfigProvider: Provider<WebConfig> = {
  provide: WEB_CONFIG,
  inject: [APP_CONFIG],
  useFactory: (app: AppConfig) => loadWebConfig(app),
};
