// The suites run in parallel (jest.config.js), so the run lasts at least as long as its longest
// suite after the moment that suite starts. A clean clone has no timings in Jest's cache, and Jest
// then orders by file size, which put the longest suite (a browser journey, about two and a half
// minutes) more than halfway through the run. The browser journeys and the faults suite are the
// longest by far, so they start first; the rest keep Jest's own order (its timings once it has
// them, file size before that). (The test command runs the faults suite on its own, after the
// rest; it is listed for a run that asks for it with others.)
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = new Set(['browser', 'faults']);

class LongSuitesFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const first = (t) => FIRST.has(t.context.config.displayName?.name);
    return [...ordered.filter(first), ...ordered.filter((t) => !first(t))];
  }
}

module.exports = LongSuitesFirst;
