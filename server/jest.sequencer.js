const Sequencer = require('@jest/test-sequencer').default;

/**
 * Files whose size does not tell their time (the demo history spec writes weeks of work on each
 * database from a 100-line file). Without timings of a last run (a clean clone, as on CI) jest starts
 * the largest files first, so these came last and one worker ran the longest file alone at the end.
 */
const LONG_FIRST = ['src/seed/demo-history.db.spec.ts'];

const rank = (test) => {
  const i = LONG_FIRST.findIndex((path) => test.path.endsWith(path));
  return i === -1 ? LONG_FIRST.length : i;
};

/** Jest's order (failed first, then the longest of the last run, else the largest), the files above first. */
class LongFirstSequencer extends Sequencer {
  sort(tests) {
    const order = new Map(super.sort(tests).map((test, i) => [test, i]));
    return [...order.keys()].sort((a, b) => rank(a) - rank(b) || order.get(a) - order.get(b));
  }
}

module.exports = LongFirstSequencer;
