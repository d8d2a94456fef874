import path from 'node:path';

/** GOV.UK Frontend's published files: Nunjucks macros under dist/, CSS, JS, fonts and images. */
export const GOVUK_FRONTEND_DIST = path.join(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist',
);

/** Our page templates and stylesheet, beside this code (the build copies them into dist/). */
export const VIEWS_DIR = path.join(__dirname, '..', 'views');
export const PUBLIC_DIR = path.join(__dirname, '..', 'public');
