/**
 * Where to go after signing in: only a path on this site, never another origin. "//evil.example"
 * and "/\evil.example" are refused: browsers read both as a host.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\p{Cc}\\]/u.test(value)) return '/';
  try {
    const url = new URL(value, 'http://localhost');
    if (url.origin !== 'http://localhost') return '/';
    // Coming back to the sign-in pages themselves would only loop.
    if (/^\/sign-(in|out)(\/|$)/.test(url.pathname)) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
