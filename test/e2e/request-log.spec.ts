import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { commissionWorkflowId } from '@app/contracts';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { CommissionFactory } from '../support/factories';
import { people, tokenFor } from '../support/people';
import { openDataSource, startWorker, testConfig, type TestWorker } from '../support/temporal';

type Line = Record<string, unknown> & { req?: Record<string, unknown>; res?: Record<string, unknown> };

/**
 * An operator follows a request through the API's log by its request id: one JSON line when it
 * completes, saying who asked, what it was, how it ended and, for a command, which workflow took it
 * and the version it left. The caller's token never appears. The API runs as production runs it (a
 * process of its own, its standard output the log).
 */
describe("the API's request log", () => {
  let dir: string;
  let logFile: string;
  let ds: DataSource;
  let worker: TestWorker;
  let api: ApiProcess;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'request-log-'));
    logFile = path.join(dir, 'api.log');
    const config = testConfig();
    ds = await openDataSource(config);
    [worker, api] = await Promise.all([
      startWorker(config, ds),
      startApiProcess({ TEMPORAL_TASK_QUEUE: config.temporal.taskQueue, LOG_LEVEL: 'info' }, logFile),
    ]);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await ds?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const token = tokenFor(people.officer);
  const send = (method: string, url: string, requestId: string, body?: object) =>
    fetch(`${api.baseUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-request-id': requestId,
      },
      body: body && JSON.stringify(body),
    });
  /** The lines logged for one request id, once its completion line is written. */
  const linesOf = (requestId: string) =>
    eventually(
      () =>
        readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes(requestId))
          .map((l) => JSON.parse(l) as Line),
      (lines) => lines.some((l) => l.msg === 'request completed'),
      10_000,
      `the completion line of ${requestId}`,
    );

  it('gives a command one line with its request id, caller, workflow, update and version', async () => {
    const opening = `open-${randomUUID()}`;
    const created = await send('POST', '/v1/commissions', opening, CommissionFactory.withPanel(2).build());
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe(opening);
    const id = ((await created.json()) as { id: string }).id;

    const editing = `edit-${randomUUID()}`;
    const edited = await send('PUT', `/v1/commissions/${id}/specification`, editing, { content: '# Scope' });
    expect(edited.status).toBe(200);

    const [open] = await linesOf(opening);
    expect(open).toMatchObject({
      msg: 'request completed',
      requestId: opening,
      userId: people.officer.userId,
      req: { id: opening, method: 'POST', url: '/v1/commissions' },
      res: { statusCode: 201 },
      workflowId: commissionWorkflowId(id),
      commissionId: id,
    });
    const edit = await linesOf(editing);
    expect(edit).toHaveLength(1);
    expect(edit[0]).toMatchObject({
      requestId: editing,
      req: { method: 'PUT', url: `/v1/commissions/${id}/specification` },
      res: { statusCode: 200 },
      workflowId: commissionWorkflowId(id),
      update: 'EditSpecification',
      version: 2,
    });
    // Nothing of the request beyond these fields: no headers, so no token.
    expect(Object.keys(edit[0].req!).sort()).toEqual(['id', 'method', 'url']);
    expect(readFileSync(logFile, 'utf8')).not.toContain(token);
  });

  it('puts the request id on every line of a refused command, and the status on its last', async () => {
    const created = await send(
      'POST',
      '/v1/commissions',
      `open-${randomUUID()}`,
      CommissionFactory.withPanel(2).build(),
    );
    const id = ((await created.json()) as { id: string }).id;
    // Nothing written yet: the workflow's validator refuses the submit (a 409 and its own line).
    const submitting = `submit-${randomUUID()}`;
    const refused = await send('POST', `/v1/commissions/${id}/specification/submit`, submitting, {
      respondBy: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(refused.status).toBe(409);
    const lines = await linesOf(submitting);
    expect(lines.map((l) => l.msg)).toEqual(['command refused', 'request completed']);
    expect(lines[0]).toMatchObject({ requestId: submitting, workflowId: commissionWorkflowId(id) });
    expect(lines[0].req).toBeUndefined();
    expect(lines[1]).toMatchObject({
      requestId: submitting,
      req: { method: 'POST' },
      res: { statusCode: 409 },
    });

    const probing = `probe-${randomUUID()}`;
    const invalid = await send('PUT', `/v1/commissions/${id}/specification`, probing, {});
    expect(invalid.status).toBe(400);
    expect(await linesOf(probing)).toEqual([
      expect.objectContaining({ requestId: probing, res: { statusCode: 400 } }),
    ]);
  });
});
