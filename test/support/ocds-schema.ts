import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The shipped OCDS 1.1 schemas (draft-04), with nothing fetched: the package schema's release $ref
 * resolves to the release schema added beside it.
 */
const schema = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../libs/ocds/schema', file), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(schema('release-schema.json'));
const validPackage = ajv.compile(schema('release-package-schema.json'));

/** Fails the test with the schema's own errors unless `pkg` is a valid OCDS 1.1 release package. */
export function expectValidOcds(pkg: unknown): void {
  const ok = validPackage(pkg);
  expect(validPackage.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}
