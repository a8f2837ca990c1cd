import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envNames } from '../../shared/env-names';
import { getStageConfig, handlerEnvironment } from '../../shared/stages';

// Every test file gets its own table (and export folder, made only when a test exports), so files never see each
// other's data.
const testId = randomBytes(6).toString('hex');
Object.assign(process.env, handlerEnvironment(getStageConfig('local'), `test-${testId}`), {
  [envNames.exportDir]: join(tmpdir(), `medborgardialog-exports-${testId}`),
  [envNames.exportUrlSecret]: 'test-export-url-secret-0123456789abcdef',
  [envNames.dynamoEndpoint]: process.env.TEST_DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:1',
  [envNames.unsubscribeSecret]: 'test-unsubscribe-secret-0123456789abcdef',
  AWS_REGION: 'eu-north-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
  // An EMF line per response and job run would bury the test output; test/support/metrics.ts turns them on to read.
  POWERTOOLS_METRICS_DISABLED: 'true',
});
