/** How every Lambda handler is bundled; the CDK functions and `npm run bench` both use these settings. */
export const lambdaBundling = {
  target: 'node22',
  mainFields: ['module', 'main'],
  // CJS dependencies bundled into ESM call `require`; ESM has none unless we make one.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  /**
   * The SDK is bundled (the version we test is the version that runs), except the credential providers that
   * the default chain imports lazily and only when no environment credentials exist. Lambda always provides
   * environment credentials, so these are never loaded; were they ever, the runtime's own SDK has them.
   */
  lazyExternals: [
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-http',
    '@smithy/credential-provider-imds',
  ],
} as const;
