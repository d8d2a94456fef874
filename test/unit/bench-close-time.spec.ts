import { DEFAULT_CLOSE_AFTER_S, chooseCloseAfter } from '../../scripts/bench/close-time';
import { failedLifecyclesWarning } from '../../scripts/bench/report';

describe("the bench's tender close", () => {
  it('keeps the default while the warm-up bids well inside it', () => {
    expect(chooseCloseAfter('auto', { spansMs: [400, 900, 1_500], failed: 0 })).toBe(DEFAULT_CLOSE_AFTER_S);
    expect(chooseCloseAfter('auto', { spansMs: [], failed: 0 })).toBe(DEFAULT_CLOSE_AFTER_S);
  });

  it("gives a slow host twice its warm-up's slowest publish and bids, in whole seconds", () => {
    // The fifteenth session's slow hour: publish and two bids took over two seconds.
    expect(chooseCloseAfter('auto', { spansMs: [900, 2_100], failed: 0 })).toBe(5);
    expect(chooseCloseAfter('auto', { spansMs: [3_000], failed: 0 })).toBe(6);
  });

  it('doubles the default when warm-up lifecycles failed, since those left no span', () => {
    expect(chooseCloseAfter('auto', { spansMs: [1_000], failed: 1 })).toBe(2 * DEFAULT_CLOSE_AFTER_S);
    expect(chooseCloseAfter('auto', { spansMs: [4_000], failed: 3 })).toBe(8);
  });

  it('keeps a close it was given, whatever the warm-up saw', () => {
    expect(chooseCloseAfter(3, { spansMs: [9_000], failed: 5 })).toBe(3);
  });

  it('says a run with failed lifecycles measured nothing, naming each side and its first error', () => {
    expect(
      failedLifecyclesWarning([
        { name: 'raw', errors: 0 },
        { name: 'product', errors: 0 },
      ]),
    ).toBeNull();
    const warning = failedLifecyclesWarning([
      { name: 'raw', errors: 0 },
      { name: 'product', errors: 32, firstError: 'POST /bids: 409 tender-closed' },
    ]);
    expect(warning).toMatch(
      /^\*\*Not a measurement:\*\* 32 product lifecycles failed \(first: POST \/bids: 409 tender-closed\)/,
    );
    expect(warning).not.toMatch(/raw/);
    expect(warning).toMatch(/--close-after/);
  });
});
