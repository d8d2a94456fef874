import type { AppConfig } from '@app/config';
import { mintToken } from '../../apps/api/src/auth/token';

export interface BenchPerson {
  userId: string;
  name: string;
  email: string;
  token: string;
}

/** The officer and the two-member panel (chair and one member) every benchmark commission uses. */
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

/** JSON over HTTP with a bearer token; a non-2xx answer throws with its body. */
export async function call<T = Record<string, unknown>>(
  api: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
