/**
 * Measures how late reminders go out on a running system (the embedded default by default):
 * opens N commissions whose sign-off is due in a minute with reminders PT40S and PT20S before it,
 * waits until every reminder and the first escalation are delivered, and prints the lateness
 * (delivered at − scheduled for). Cancels its commissions at the end.
 *
 *   npm run bench:reminders -- [--commissions 25] [--due-in 60]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@app/config';
import { mintToken } from '../apps/api/src/auth/token';

interface Notification {
  key: string;
  kind: string;
  offset: string;
  scheduledFor: string;
  status: string;
  sentAt: string | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { commissions: { type: 'string', default: '25' }, 'due-in': { type: 'string', default: '60' } },
  });
  const n = Number(values.commissions);
  const dueInS = Number(values['due-in']);
  const config = loadConfig();
  const api = `http://127.0.0.1:${config.http.port}/v1`;
  const token = mintToken(config.auth.secret!, {
    sub: 'bench.officer',
    name: 'Benchmark Officer',
    email: 'bench.officer@example.gov.uk',
    roles: ['officer'],
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };

  const expected = n * 3; // two reminders and the first escalation each
  console.log(
    `opening ${n} commissions, sign-off due in ${dueInS} s, reminders PT40S and PT20S before (${expected} notifications)`,
  );
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await call('POST', '/commissions', {
      title: `Reminder benchmark ${i + 1}`,
      description: 'Measures reminder lateness',
      panel: [
        { userId: `bench.member.${i}`, name: `Member ${i}`, email: `member${i}@example.gov.uk`, chair: true },
      ],
      signOffRule: { mode: 'unanimous' },
      milestones: { interimReportDueAt: '2099-06-30T17:00:00Z', finalReportDueAt: '2099-09-30T17:00:00Z' },
      reminderPolicy: { before: ['PT40S', 'PT20S'], overdueEvery: 'PT1H' },
    });
    const id = String(c.id);
    await call('PUT', `/commissions/${id}/specification`, { content: '# Benchmark' });
    await call('POST', `/commissions/${id}/specification/submit`, {
      respondBy: new Date(Date.now() + dueInS * 1000).toISOString(),
    });
    ids.push(id);
  }

  const deadline = Date.now() + (dueInS + 60) * 1000;
  let delivered: Notification[] = [];
  for (;;) {
    const all = (await Promise.all(ids.map((id) => call('GET', `/commissions/${id}/reminders`)))).flatMap(
      (r) => (r.notifications as Notification[]).filter((x) => x.offset !== 'overdue:1'),
    );
    delivered = all.filter((x) => x.status === 'sent' && x.sentAt);
    process.stdout.write(`\r  delivered ${delivered.length}/${expected}`);
    if (delivered.length >= expected || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  process.stdout.write('\n');
  for (const id of ids) await call('POST', `/commissions/${id}/cancel`, { reason: 'benchmark finished' });

  const lateness = delivered
    .map((x) => Date.parse(x.sentAt!) - Date.parse(x.scheduledFor))
    .sort((a, b) => a - b);
  const pct = (p: number) => lateness[Math.min(lateness.length - 1, Math.floor((p / 100) * lateness.length))];
  console.log(`notifications delivered: ${lateness.length} of ${expected}`);
  console.log(`lateness ms: min ${lateness[0]}  median ${pct(50)}  p95 ${pct(95)}  worst ${lateness.at(-1)}`);
  if (lateness.length < expected || lateness.at(-1)! > 2000) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
