import { randomUUID } from 'node:crypto';
import { commissionWorkflowId } from '@app/contracts';
import { people, type TestUser } from '../support/people';
import { tendering } from '../support/tender';
import { startWorld, type World } from '../support/world';

/** Every string in a Temporal history, payload bytes decoded as UTF-8. */
function textOf(value: unknown, out: string[] = []): string[] {
  if (value === null || value === undefined) return out;
  if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textOf(v, out);
  else if (typeof value === 'object') for (const v of Object.values(value)) textOf(v, out);
  return out;
}

describe('sealed bids before the close', () => {
  let world: World;
  let id: string;
  const acme = { price: 98_765.43, proposal: `# Acme\n\nACME-SECRET-${randomUUID()}` };
  const birch = { price: 87_654.32, proposal: `# Birch\n\nBIRCH-SECRET-${randomUUID()}` };
  const secretsOf = (b: { price: number; proposal: string }) => [
    b.proposal.split('\n').at(-1)!,
    String(b.price),
    String(b.price).replace('.', ''),
  ];
  const receipts: Record<string, { bidId: string; contentHash: string }> = {};

  beforeAll(async () => {
    world = await startWorld();
    ({ id } = await tendering(world, 1800, 3600));
    const sent = async (who: TestUser, body: object, key?: string) =>
      (await world.as(who).post(`/v1/commissions/${id}/bids`, body, key).expect(201)).body.receipt;
    // With an Idempotency-Key, so the stored answer is among what must not leak.
    receipts.acme = await sent(people.supplier, acme, `acme-bid-${randomUUID()}`);
    receipts.birch = await sent(people.rival, birch);
    await world
      .as(people.supplier)
      .post(`/v1/commissions/${id}/clarifications`, { question: 'A question' })
      .expect(201);
  });
  afterAll(async () => {
    await world.as(people.officer).post(`/v1/commissions/${id}/cancel`, { reason: 'test over' });
    await world.stop();
  });

  const paths = () => [
    `/v1/commissions/${id}`,
    `/v1/commissions/${id}/bids`,
    `/v1/commissions?limit=100`,
    `/v1/commissions?stage=tendering`,
    `/v1/commissions/${id}/history`,
    `/v1/commissions/${id}/reminders`,
    `/v1/commissions/${id}/clarifications`,
    `/v1/commissions/${id}/specification`,
  ];

  it.each([
    ['a commissioning officer of it', people.officer],
    ['another officer', people.otherOfficer],
    ['the chair of its panel', people.chair],
    ['a panel member not on it', people.wood],
    ['an observer', people.observer],
    ['an admin', people.admin],
    ['another supplier who bid', people.rival],
    ['a supplier who did not bid', people.third],
  ])('%s reads no content or price of Acme’s bid on any path', async (_, who) => {
    const forbidden = secretsOf(acme);
    for (const path of paths()) {
      const res = await world.as(who).get(path);
      expect(res.status).toBeLessThan(500);
      for (const secret of forbidden)
        expect({ path, text: res.text }).not.toEqual({ path, text: expect.stringContaining(secret) });
    }
  });

  it('staff see the count and the receipts; the bidder reads its own bid and nothing of the other', async () => {
    const staff = await world.as(people.officer).get(`/v1/commissions/${id}/bids`).expect(200);
    expect(staff.body).toMatchObject({ sealed: true, count: 2 });
    expect(staff.body.bids.map((b: { bidId: string }) => b.bidId).sort()).toEqual(
      [receipts.acme.bidId, receipts.birch.bidId].sort(),
    );
    const own = await world.as(people.supplier).get(`/v1/commissions/${id}/bids`).expect(200);
    expect(own.body.bids).toEqual([expect.objectContaining({ bidId: receipts.acme.bidId, ...acme })]);
    for (const path of paths()) {
      const res = await world.as(people.supplier).get(path);
      for (const secret of secretsOf(birch))
        expect({ path, text: res.text }).not.toEqual({ path, text: expect.stringContaining(secret) });
    }
  });

  it('PostgreSQL holds only ciphertext: no table holds the proposal or the price in any form', async () => {
    const rows: { ciphertext: Buffer; content_hash: string }[] = await world.ds.query(
      `SELECT ciphertext, content_hash FROM sealed_bids WHERE commission_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.ciphertext.length).toBeGreaterThan(20);
      for (const secret of [...secretsOf(acme), ...secretsOf(birch)]) {
        expect(r.ciphertext.includes(Buffer.from(secret))).toBe(false);
      }
    }
    const tables: { table_name: string }[] = await world.ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['sealed_bids', 'audit_events', 'commissions']),
    );
    for (const { table_name } of tables) {
      const [{ text }] = await world.ds.query(
        `SELECT coalesce(string_agg(t::text, ' '), '') AS text FROM "${table_name}" t`,
      );
      for (const secret of [...secretsOf(acme), ...secretsOf(birch)]) {
        expect({
          table_name,
          found: text.includes(secret) || text.includes(Buffer.from(secret).toString('hex')),
        }).toEqual({
          table_name,
          found: false,
        });
      }
    }
  });

  it('the workflow history on the Temporal server holds receipts, never the proposal or the price', async () => {
    const history = await world.client.workflow.getHandle(commissionWorkflowId(id)).fetchHistory();
    const text = textOf(history).join('\n');
    // The decoding works: the receipts are there.
    expect(text).toContain(receipts.acme.bidId);
    expect(text).toContain(receipts.birch.contentHash);
    for (const secret of [...secretsOf(acme), ...secretsOf(birch)]) expect(text.includes(secret)).toBe(false);
  });
});
