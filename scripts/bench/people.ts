import http from 'node:http';
import https from 'node:https';
import type { AppConfig } from '@app/config';
import { mintToken } from '../../apps/api/src/auth/token';

export interface BenchPerson {
  userId: string;
  name: string;
  email: string;
  token: string;
}

/**
 * The officer and the two-member panel (chair and one member) every benchmark commission uses, and
 * the two suppliers that bid when a lifecycle goes through the award.
 */
export function benchPeople(config: AppConfig) {
  const person = (userId: string, name: string, roles: string[]): BenchPerson => {
    const email = `${userId}@example.gov.uk`;
    const token = mintToken(config.auth.secret!, { sub: userId, name, email, roles });
    return { userId, name, email, token };
  };
  return {
    officer: person('bench.officer', 'Benchmark Officer', ['officer']),
    chair: person('bench.chair', 'Benchmark Chair', ['panel']),
    member: person('bench.member', 'Benchmark Member', ['panel']),
    suppliers: [
      person('bench.supplier-a', 'Benchmark Supplier A', ['supplier']),
      person('bench.supplier-b', 'Benchmark Supplier B', ['supplier']),
    ],
  };
}

export type BenchCast = ReturnType<typeof benchPeople>;

/** A commission with a two-member panel signing off unanimously. */
export function newCommission(cast: BenchCast, title: string, extra: Record<string, unknown> = {}) {
  const member = (p: BenchPerson, chair: boolean) => ({
    userId: p.userId,
    name: p.name,
    email: p.email,
    chair,
  });
  return {
    title,
    description: 'Opened by npm run bench',
    programmeId: 'bench',
    panel: [member(cast.chair, true), member(cast.member, false)],
    signOffRule: { mode: 'unanimous' },
    milestones: benchMilestones(),
    ...extra,
  };
}

/**
 * Reports due as a real commission's are: months ahead, inside the bank-holiday calendar's years, so
 * every change runs the timetable check in full (a date beyond the calendar would make each check
 * fail at its first step and measure less than the product does).
 */
export function benchMilestones(now = Date.now()) {
  const monthsAhead = (n: number) => new Date(now + n * 30 * 86_400_000).toISOString();
  return { interimReportDueAt: monthsAhead(8), finalReportDueAt: monthsAhead(12) };
}

// The load generator shares the machine with the system it measures, so it uses node:http with
// kept-alive connections: global fetch cost the bench 9.5 ms of CPU a lifecycle against the raw
// gRPC client's 6.5 (README, Performance).
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** JSON over HTTP with a bearer token; a non-2xx answer throws with its body. */
export function call<T = Record<string, unknown>>(
  api: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const url = new URL(`${api}${path}`);
    const secure = url.protocol === 'https:';
    const req = (secure ? https : http).request(
      url,
      {
        method,
        agent: agents[secure ? 'https:' : 'http:'],
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new Error(`${method} ${path} answered ${status}: ${text.slice(0, 500)}`));
            return;
          }
          try {
            resolve(JSON.parse(text) as T);
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
