/**
 * Whether making `from` depend on `to` closes a cycle: it does when `from` is reached by following
 * `to`'s own dependencies. `upstreamOf` answers each commission's dependency (null for none); the
 * walk stops after `limit` steps, which no real chain reaches, so a corrupt chain cannot loop for ever.
 */
export async function closesCycle(
  from: string,
  to: string,
  upstreamOf: (id: string) => Promise<string | null>,
  limit = 100,
): Promise<string[] | null> {
  const path = [from, to];
  let at: string | null = to;
  for (let i = 0; at !== null && i < limit; i++) {
    if (at === from) return path;
    at = await upstreamOf(at);
    if (at !== null) path.push(at);
  }
  return at === null ? null : path;
}
