import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * The web pages' templates and stylesheet are not TypeScript: the build copies them beside the
 * compiled code, where apps/api/src/web/render/asset-paths.ts looks for them. Runs from dist/scripts.
 */
const root = path.resolve(__dirname, '..', '..');
if (!existsSync(path.join(root, 'package.json'))) throw new Error(`not the project root: ${root}`);
for (const dir of ['views', 'public']) {
  const to = path.join(root, 'dist/apps/api/src/web', dir);
  rmSync(to, { recursive: true, force: true });
  cpSync(path.join(root, 'apps/api/src/web', dir), to, { recursive: true });
}
