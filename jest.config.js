/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
          target: 'es2022',
        },
      },
    ],
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  // every test asserts something; skipped variants are announced once (tests/helpers/variants.ts)
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/assertions-required.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  testTimeout: 30000,
};
