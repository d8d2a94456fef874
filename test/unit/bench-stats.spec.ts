import { percentile, ratioInterval, Samples } from '../../scripts/bench/stats';

describe("the bench's statistics", () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 99, 100]);
    expect(percentile([], 50)).toBeNaN();
  });

  it("gives a ratio's 95 % interval from its rounds, narrower the more rounds agree", () => {
    // Ten rounds as the host gave them on 27 November: the interval excludes 1.0.
    const rounds = [0.89, 0.89, 0.92, 0.9, 1, 0.8, 0.87, 0.85, 0.83, 1.05];
    const interval = ratioInterval(rounds)!;
    expect(interval.mean).toBeCloseTo(0.9, 2);
    expect(interval.low).toBeGreaterThan(0.84);
    expect(interval.high).toBeLessThan(0.96);
    expect(interval.low).toBeLessThan(interval.mean);
    expect(interval.high).toBeGreaterThan(interval.mean);
    // Rounds that agree give a point; a geometric mean, so 0.5 and 2 average to 1.
    expect(ratioInterval([0.95, 0.95, 0.95])).toEqual({ mean: 0.95, low: 0.95, high: 0.95 });
    expect(ratioInterval([0.5, 2])!.mean).toBe(1);
    // Two rounds far apart: t with one degree of freedom makes the interval wide.
    const two = ratioInterval([0.8, 1.2])!;
    expect(two.high / two.low).toBeGreaterThan(10);
  });

  it('claims nothing from fewer than two rounds', () => {
    expect(ratioInterval([])).toBeNull();
    expect(ratioInterval([0.9])).toBeNull();
  });

  it("keeps a wait apart from the actions: summarised on its own, never in the actions' figures", () => {
    const samples = new Samples();
    samples.add('bid', 10);
    samples.add('bid', 20);
    samples.addWait('close seen after its time', 900);
    expect(samples.names()).toEqual(['bid']);
    expect(samples.all()).toEqual([10, 20]);
    expect(samples.waits.get('close seen after its time')).toEqual([900]);
  });
});
