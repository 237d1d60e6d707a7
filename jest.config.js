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
  // Each test file runs in a worker that is replaced once it holds more than this after a file. Without a
  // limit, jest runs every file in its own process on a 2-core machine (one worker = in band), whose heap
  // grew past 4 GB over the ~100 platform-starting files; near the heap limit, garbage collection stalled the
  // event loop for seconds, and concurrency tests timed out (a 5 s credential lookup, a 3 s read-model wait).
  workerIdleMemoryLimit: '1GB',
};
