/**
 * How long each tender stays open in the bench. A lifecycle publishes with its close `closeAfter`
 * seconds ahead and must get both bids in before it; a bid after the close is refused (409), the
 * lifecycle fails, and a round's throughput then counts only the lifecycles that were quick
 * enough. On the fifteenth session's slowest host 32 of 120 failed so, with three seconds.
 */

/** The close the bench starts from, unless told: what earlier results were measured with. */
export const DEFAULT_CLOSE_AFTER_S = 3;

/** The warm-up's slowest publish-to-last-bid may take at most this share of the open time. */
const HEADROOM = 0.5;

/**
 * `auto`: the default close, or longer when the warm-up's slowest span from publishing to the last
 * bid (both sides) took more than half of it, so that a round at the same concurrency on a host
 * that slows a little further still gets every bid in. A warm-up lifecycle that failed left no
 * span (its bid may have met the close), so then at least twice the default. A number: exactly
 * that, whatever the host.
 */
export function chooseCloseAfter(
  asked: number | 'auto',
  warmup: { spansMs: readonly number[]; failed: number },
): number {
  if (asked !== 'auto') return asked;
  const slowest = warmup.spansMs.reduce((a, b) => Math.max(a, b), 0);
  const floor = warmup.failed > 0 ? 2 * DEFAULT_CLOSE_AFTER_S : DEFAULT_CLOSE_AFTER_S;
  return Math.max(floor, Math.ceil(slowest / HEADROOM / 1000));
}
