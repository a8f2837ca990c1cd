import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../local/ports';

export const root = join(__dirname, '../..');

export interface StackPorts {
  readonly PORT: string;
  readonly DYNAMODB_PORT: string;
  readonly SES_PORT: string;
}

export const freeStackPorts = async (): Promise<StackPorts> => ({
  PORT: String(await freePort()),
  DYNAMODB_PORT: String(await freePort()),
  SES_PORT: String(await freePort()),
});

/** A `.local/` of the test's own, so a test never touches the developer's data or running stack's record. */
export const tempLocalDir = (): string => mkdtempSync(join(tmpdir(), 'medborgardialog-local-'));

export interface StackProcess {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
  /** Resolves once the ready line is printed; rejects if the process exits first. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGKILL to the whole process group: cleanup that works whatever the test did to the tree. */
  killAll(): void;
}

/** A command in a process group of its own (so cleanup can kill its whole tree), stdout and stderr captured. */
export function spawnCaptured(command: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * `npm start` (or, faster, the node command it runs) in a process group of its own, stdout and stderr captured.
 * Every test that starts one calls `killAll` in its cleanup.
 */
export function startStackProcess(
  env: NodeJS.ProcessEnv,
  { args = ['--in-memory'], viaNpm = false }: { args?: string[]; viaNpm?: boolean } = {},
): StackProcess {
  const [command, commandArgs] = viaNpm
    ? ['npm', ['start', '--ignore-scripts', '--', ...args]]
    : [process.execPath, ['--import', 'tsx', 'local/start.ts', ...args]];
  const { child, output, exited } = spawnCaptured(command, commandArgs, {
    SCHEDULE_INTERVAL_SECONDS: '3600',
    ...env,
  });
  return {
    child,
    output,
    exited,
    ready: async (timeoutMs = 30_000) => {
      await waitFor(() => /is ready/.test(output()) || child.exitCode !== null, timeoutMs, 'the ready line');
      if (!/is ready/.test(output())) throw new Error(`the stack exited before it was ready:\n${output()}`);
    },
    killAll: () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    },
  };
}

export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The command lines of live processes (Linux: read from /proc, no procps needed), by PID. */
function processes(): Array<{ pid: number; ppid: number; command: string }> {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        // The parent is the field after the command name, which sits in parentheses and may hold spaces.
        const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        return command ? [{ pid: Number(pid), ppid, command }] : [];
      } catch {
        return []; // It exited while we looked.
      }
    });
}

/** True while the process runs (an exited one waiting to be reaped has no command line, so it does not count). */
export const isRunning = (pid: number): boolean => processes().some((p) => p.pid === pid);

/** The PIDs of DynamoDB Local processes on that port, whoever their parent. */
export const javaOnPort = (dynamoPort: string | number): number[] =>
  processes()
    .filter((p) => p.command.includes('DynamoDbLocal') && p.command.includes(` -port ${dynamoPort} `))
    .map((p) => p.pid);

/** The PIDs of that process's children running that command. */
export const childrenOf = (ppid: number, command: RegExp): number[] =>
  processes()
    .filter((p) => p.ppid === ppid && command.test(p.command))
    .map((p) => p.pid);

/** An address as /proc/net/tcp{,6} writes it: 32-bit words in host (little-endian) byte order. */
function procAddress(hex: string): string {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) => (word.match(/../g) ?? []).reverse());
  const octets = bytes.map((b) => parseInt(b, 16));
  if (octets.length === 4) return octets.join('.');
  if (octets.slice(0, 10).every((o) => o === 0) && octets[10] === 255 && octets[11] === 255) {
    return `::ffff:${octets.slice(12).join('.')}`;
  }
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push((((octets[i] ?? 0) << 8) | (octets[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}

/** The local addresses listening on that TCP port (Linux: read from /proc, no ss or netstat needed). */
export function listeningAddresses(port: string | number): string[] {
  const LISTEN = '0A';
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter(
        ([, local, , state]) => state === LISTEN && Number.parseInt(local?.split(':')[1] ?? '', 16) === Number(port),
      )
      .map(([, local]) => procAddress(local?.split(':')[0] ?? '')),
  );
}
