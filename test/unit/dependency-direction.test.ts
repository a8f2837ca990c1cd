import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every import of a file, resolved to a project folder (`shared`, `functions`, ...) or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(([, spec]) => {
    const target = spec as string;
    if (!target.startsWith('.')) return target;
    return relative(root, resolve(join(root, file, '..'), target)).split('/')[0] as string;
  });
}

const offending = (dir: string, forbidden: (target: string) => boolean): string[] =>
  sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${file} -> ${target}`),
  );

describe('dependencies point one way (functions -> shared; infra -> shared; shared -> nothing of ours)', () => {
  it('shared/ imports neither functions/, infra/, local/ nor any AWS SDK or Powertools (handlers log and emit)', () => {
    expect(
      offending(
        'shared',
        (t) =>
          ['functions', 'infra', 'local'].includes(t) ||
          t.startsWith('@aws-sdk/') ||
          t.startsWith('@aws-lambda-powertools/') ||
          t.startsWith('aws-cdk-lib'),
      ),
    ).toEqual([]);
  });

  it('functions/ imports neither infra/ nor local/ nor the CDK', () => {
    expect(offending('functions', (t) => ['infra', 'local'].includes(t) || t.startsWith('aws-cdk-lib'))).toEqual([]);
  });

  it('infra/ imports only shared/ of ours (no handler code, no local runner)', () => {
    expect(offending('infra', (t) => ['functions', 'local'].includes(t))).toEqual([]);
  });

  it('the check itself sees imports (a sanity check on the scanner)', () => {
    expect(importsOf('functions/lib/http.ts')).toEqual(expect.arrayContaining(['shared', '@middy/core']));
  });
});
