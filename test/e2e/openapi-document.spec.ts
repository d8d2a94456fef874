import { startWorld, type World } from '../support/world';

type Parameter = { name: string; in: string; required?: boolean; schema?: object };
type Response = { description?: string; content?: Record<string, { schema?: { $ref?: string } }> };
type Operation = {
  summary?: string;
  parameters?: Parameter[];
  responses: Record<string, Response>;
  security?: object[];
};
type Document = {
  info: { description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

/** Walks the document the service serves, as a client generator or a reader would. */
describe('the OpenAPI document', () => {
  let world: World;
  let doc: Document;
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    world = await startWorld({ worker: false });
    doc = (await world.anonymous.get('/v1/openapi.json').expect(200)).body as Document;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method, path, op })),
    );
  });
  afterAll(() => world.stop());

  const resolves = (ref: string | undefined) =>
    ref !== undefined && ref.startsWith('#/components/schemas/') && ref.slice(21) in doc.components.schemas;

  it('tells a reader how to get a token', () => {
    expect(doc.info.description).toContain('## Getting a token');
    expect(doc.info.description).toContain('npm run token --');
    expect(doc.info.description).toContain('Authorization: Bearer');
  });

  it('gives every operation a summary and a 2xx response with a schema', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const { method, path, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, summary: (op.summary ?? '').length > 10 }).toEqual({ where, summary: true });
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect({ where, successes: success.length }).toEqual({ where, successes: 1 });
      const schema = success[0][1].content?.['application/json']?.schema;
      expect({ where, resolves: resolves(schema?.$ref) }).toEqual({ where, resolves: true });
    }
  });

  it('documents the problem+json errors each operation can answer with', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(Object.keys(problem.properties ?? {})).toEqual(expect.arrayContaining(['errors', 'stage']));
    for (const { method, path, op } of operations) {
      const secured = (op.security ?? []).length > 0;
      const expected = [
        ...(method === 'post' || method === 'put' ? ['400', '409'] : []),
        ...(secured ? ['401'] : []),
        ...(secured && (path.includes('{') || method !== 'get') ? ['403'] : []),
        ...(path.includes('{') ? ['404'] : []),
        ...((op.parameters ?? []).some((p) => p.in === 'query') ? ['400'] : []),
      ];
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, statuses: Object.keys(op.responses) }).toEqual({
        where,
        statuses: expect.arrayContaining(expected),
      });
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        expect({ where, status, schema: response.content?.['application/problem+json']?.schema }).toEqual({
          where,
          status,
          schema: { $ref: '#/components/schemas/Problem' },
        });
      }
    }
    // Spot checks where the rule is known: only officers cancel, a command is refused by stage.
    const cancel = doc.paths['/v1/commissions/{id}/cancel'].post.responses;
    expect(Object.keys(cancel)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
    expect(doc.paths['/v1/health'].get.responses['401']).toBeUndefined();
  });

  it('has exactly one optional Idempotency-Key header on every POST, and none elsewhere', () => {
    for (const { method, path, op } of operations) {
      const keys = (op.parameters ?? []).filter(
        (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
      );
      const where = `${method.toUpperCase()} ${path}`;
      if (method === 'post') {
        expect({ where, keys }).toEqual({
          where,
          keys: [expect.objectContaining({ name: 'Idempotency-Key', required: false })],
        });
      } else {
        expect({ where, keys }).toEqual({ where, keys: [] });
      }
    }
  });
});
