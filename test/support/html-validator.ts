import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** The package ships the jar and no types. */
const vnuJar = join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url: string;
  readonly message: string;
  readonly lastLine?: number;
  readonly extract?: string;
}

/**
 * The W3C Nu HTML checker (vnu.jar, on the Java that DynamoDB Local needs) over named documents at once: one
 * line per error or warning, prefixed with the document's name. Nothing here wrote the checker.
 */
export async function htmlProblems(documents: Readonly<Record<string, string>>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
  try {
    const files = Object.entries(documents).map(([name, markup], i) => {
      const file = join(dir, `${i}.html`);
      writeFileSync(file, markup);
      return { file, name };
    });
    // vnu exits 1 when it finds errors; the JSON on stderr says which.
    const { stderr } = await promisify(execFile)(
      'java',
      ['-jar', vnuJar, '--format', 'json', ...files.map((f) => f.file)],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
    const { messages } = JSON.parse(stderr) as { messages: VnuMessage[] };
    const nameOf = (url: string) => files.find((f) => url.endsWith(f.file))?.name ?? url;
    return messages
      .filter((m) => m.type === 'error' || m.subType === 'warning')
      .map(
        (m) => `${nameOf(m.url)}: ${m.type}${m.subType ? `/${m.subType}` : ''} line ${m.lastLine ?? '?'}: ${m.message}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fragment as embed.js places it: inside a municipal page's own main landmark, under its h1. */
export const inHostPage = (fragment: string): string =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens sida</title></head><body><main><h1>Tyck till</h1><div id="form">${fragment}</div></main></body></html>`;
