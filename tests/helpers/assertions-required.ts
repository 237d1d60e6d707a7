/**
 * Every test must assert something: a test whose body returns before its first `expect` (or has none) fails
 * instead of passing silently. Loaded for every test file by jest.config.js (setupFilesAfterEnv).
 */
beforeEach(() => {
  expect.hasAssertions();
});
