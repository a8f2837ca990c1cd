/* global module */
/** One config: typecheck and lint run before it (npm test); DynamoDB Local is started once for all files. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  // ESM packages, and Lambda's InvokeStore, whose `import('node:async_hooks')` jest's VM cannot run untransformed.
  transformIgnorePatterns: ['node_modules/(?!(@middy|zod|jose|@aws/lambda-invoke-store)/)'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 30000,
};
