/** Unit specs sit next to the code; integration and end-to-end tests talk to the real broker and databases. */
const moduleNameMapper = {
  '^@mash/contracts/testing$': '<rootDir>/libs/contracts/src/testing',
  '^@mash/(contracts|platform|messaging|matching|agency-node|policy|web)$': '<rootDir>/libs/$1/src',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  moduleNameMapper,
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,tools}/*/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{libs,services,tools}/*/test/**/*.int-spec.ts',
        '<rootDir>/e2e/**/*.e2e-spec.ts',
      ],
      globalSetup: '<rootDir>/test-support/global-setup.ts',
      globalTeardown: '<rootDir>/test-support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test-support/jest-timeout.ts'],
    },
  ],
};
