import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { GOVUK_FRONTEND_DIST, PUBLIC_DIR } from './render/asset-paths';

const FRONTEND_BUNDLE = /^\/govuk-frontend\.min\.(css|js)(\.map)?$/;

/**
 * Serves GOV.UK Frontend's fonts, images and compiled CSS and JS under /assets (where its template
 * and stylesheet expect them) and our own stylesheet and start-up script under /assets/app.
 * Only the compiled bundle is served from dist/govuk, not the package's sources.
 */
export function serveWebAssets(app: NestExpressApplication): void {
  const options = { index: false, maxAge: '1d', fallthrough: true } as const;
  app.useStaticAssets(path.join(GOVUK_FRONTEND_DIST, 'govuk', 'assets'), { ...options, prefix: '/assets/' });
  app.useStaticAssets(PUBLIC_DIR, { ...options, prefix: '/assets/app/' });
  const bundle = express.static(path.join(GOVUK_FRONTEND_DIST, 'govuk'), options);
  app.use('/assets', (req: express.Request, res: express.Response, next: express.NextFunction) =>
    FRONTEND_BUNDLE.test(req.path) ? bundle(req, res, next) : next(),
  );
}
