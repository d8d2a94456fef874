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
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  moduleNameMapper,
  transform,
  testEnvironment: 'node',
  rootDir: __dirname,
  ...extra,
});

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  projects: [
    project('unit', ['<rootDir>/test/unit/**/*.spec.ts']),
    project('integration', ['<rootDir>/test/integration/**/*.spec.ts'], { slowTestThreshold: 30 }),
    project('e2e', ['<rootDir>/test/e2e/**/*.spec.ts'], { slowTestThreshold: 30 }),
    project('workflow', ['<rootDir>/test/workflow/**/*.spec.ts'], { slowTestThreshold: 30 }),
    project('replay', ['<rootDir>/test/replay/**/*.spec.ts']),
  ],
  testTimeout: 60_000,
};
