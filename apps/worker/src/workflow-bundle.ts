import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import type { WorkerOptions } from '@temporalio/worker';

/** The repository root, found from here whether running from source or from dist/. */
export function projectRoot(start = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

/**
 * Webpack does not read tsconfig `paths`, so the pure libraries the workflows import are aliased
 * here; the workflow bundle sees only `libs/contracts` and the workflows themselves.
 */
export function workflowBundleOptions(root = projectRoot()): BundleOptions {
  return {
    workflowsPath: path.join(root, 'workflows', 'index.ts'),
    // Loaded once into the worker's V8 context and shared, not evaluated again for each cached
    // workflow: the contracts (rules as data, calendar maths, messages) and the workflow modules,
    // which keep no state outside a run (lint forbids module-level state in both). Sharing the
    // workflow modules halved the heap a cached workflow holds (82 → 37 KB, `npm run bench -- --only rss`).
    preloadModules: ['@app/contracts', path.join(root, 'workflows', 'index.ts')],
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string>),
        '@app/contracts': path.join(root, 'libs', 'contracts', 'src'),
      };
      return config;
    },
  };
}

export const PREBUILT_BUNDLE = path.join('dist', 'workflow-bundle.js');

/**
 * The prebuilt bundle when the production build made one (or WORKFLOW_BUNDLE_PATH names one),
 * otherwise bundle from source.
 */
export function workflowSource(
  root = projectRoot(),
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const prebuilt = process.env.WORKFLOW_BUNDLE_PATH ?? path.join(root, PREBUILT_BUNDLE);
  if (process.env.WORKFLOW_BUNDLE !== 'source' && existsSync(prebuilt)) {
    return { workflowBundle: { codePath: prebuilt } };
  }
  const { workflowsPath, webpackConfigHook, preloadModules } = workflowBundleOptions(root);
  return { workflowsPath, bundlerOptions: { webpackConfigHook, preloadModules } };
}
