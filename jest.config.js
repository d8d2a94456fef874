/** @type {import('jest').Config} */
const moduleNameMapper = {
  '^@app/contracts$': '<rootDir>/libs/contracts/src',
  '^@app/config$': '<rootDir>/libs/config/src',
  '^@app/persistence$': '<rootDir>/libs/persistence/src',
  '^@app/calendar$': '<rootDir>/libs/calendar/src',
  '^@app/temporal$': '<rootDir>/libs/temporal/src',
  '^@app/logging$': '<rootDir>/libs/logging/src',
  '^@app/activities$': '<rootDir>/activities',
  '^@app/workflows$': '<rootDir>/workflows',
};

// Type-checking is its own step of the test command; here TypeScript is only transpiled.
// openid-client and its dependencies ship ES modules only: Jest's CommonJS runtime needs them
// transpiled too (Node itself loads them with require()).
const ESM_ONLY = ['openid-client', 'oauth4webapi', 'jose'];
const transform = {
  '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: [
    'ts-jest',
    { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } },
  ],
};
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`];

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  rootDir: __dirname,
  ...extra,
});

// Most suites spend their time waiting on real second-scale timers, not on the CPU: run one after
// another they took 22 to 24 minutes here; four at a time, about five on the same 2-core machine.
// TEST_WORKERS overrides it (1 runs them in band).
const maxWorkers = Number(process.env.TEST_WORKERS) || 4;

module.exports = {
  maxWorkers,
  testSequencer: '<rootDir>/test/support/long-suites-first.js',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  projects: [
    project('unit', ['<rootDir>/test/unit/**/*.spec.ts']),
    project('integration', ['<rootDir>/test/integration/**/*.spec.ts'], { slowTestThreshold: 30 }),
    project('e2e', ['<rootDir>/test/e2e/**/*.spec.ts'], { slowTestThreshold: 30 }),
    project('workflow', ['<rootDir>/test/workflow/**/*.spec.ts'], { slowTestThreshold: 30 }),
    project('replay', ['<rootDir>/test/replay/**/*.spec.ts']),
    // Its own project, so that its counts stand out in the output: it starts its own Temporal
    // server and PostgreSQL cluster and breaks them on purpose.
    project('faults', ['<rootDir>/test/faults/**/*.spec.ts'], { slowTestThreshold: 180 }),
    project('browser', ['<rootDir>/test/browser/**/*.spec.ts'], { slowTestThreshold: 60 }),
  ],
  testTimeout: 60_000,
};
