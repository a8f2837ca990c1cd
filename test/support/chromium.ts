import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian's package puts it; `npx playwright install` cannot download browsers on these machines. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** How every test and benchmark starts it: headless as root, and quiet on this machine's closed network. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PACKAGES = ['chromium', 'fonts-dejavu-core'];

export const chromiumPath = (environment: NodeJS.ProcessEnv = process.env): string =>
  environment.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;

/** Commands that provide the browser, run one after the other. */
export interface Installer {
  readonly commands: ReadonlyArray<readonly string[]>;
  readonly env?: NodeJS.ProcessEnv;
}

export const aptInstaller: Installer = {
  commands: [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...PACKAGES],
  ],
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
};

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (command: string, environment: NodeJS.ProcessEnv): boolean =>
  (environment.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, command)));

/**
 * The browser the tests use, and how to provide it when it is missing: apt-get, when these tests run as root on
 * Debian and look where apt puts it. A CHROMIUM_PATH elsewhere is the user's own to provide.
 */
export function chromiumSetup(environment: NodeJS.ProcessEnv = process.env): { path: string; installer?: Installer } {
  const path = chromiumPath(environment);
  const canApt = path === DEBIAN_CHROMIUM && process.getuid?.() === 0 && onPath('apt-get', environment);
  return canApt ? { path, installer: aptInstaller } : { path };
}

/** Makes sure Chromium is at `path`, installing it if it can; otherwise throws one line saying what to install. */
export function ensureChromium(
  { path, installer }: { path: string; installer?: Installer },
  log: (line: string) => void = (line) => console.error(line),
): void {
  if (isExecutable(path)) return;
  if (!installer) {
    throw new Error(
      `Chromium is missing at ${path}; the browser tests need it. Install it (Debian: apt-get install ${PACKAGES.join(' ')}) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  log(
    `test setup: Chromium is missing at ${path}; installing it: ${installer.commands.map((c) => c.join(' ')).join(' && ')}`,
  );
  for (const [command = '', ...args] of installer.commands) {
    const result = spawnSync(command, args, { stdio: 'inherit', env: installer.env ?? process.env });
    if (result.status !== 0) {
      throw new Error(
        `Installing Chromium failed: \`${[command, ...args].join(' ')}\` ${result.error ? result.error.message : `exited with ${result.status}`}.`,
      );
    }
  }
  if (!isExecutable(path)) throw new Error(`Chromium was installed but is still not at ${path}.`);
}
