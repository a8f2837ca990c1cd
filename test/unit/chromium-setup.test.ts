import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEBIAN_CHROMIUM, aptInstaller, chromiumSetup, ensureChromium } from '../support/chromium';

const missingPath = () => join(mkdtempSync(join(tmpdir(), 'no-chromium-')), 'chromium');
/** A fake installer command: writes an executable where the browser is expected. */
const fakeInstaller = (path: string) => ({
  commands: [[process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(path)}, '', { mode: 0o755 })`]],
});

describe('the test setup’s Chromium', () => {
  it('installs a missing browser, saying so in one line before it starts', () => {
    const path = missingPath();
    const lines: string[] = [];
    ensureChromium({ path, installer: fakeInstaller(path) }, (line) => lines.push(line));
    expect(existsSync(path)).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/^test setup: Chromium is missing at .*; installing it: .+/)]);
  });

  it('leaves a present browser alone', () => {
    const path = missingPath();
    ensureChromium({ path, installer: fakeInstaller(path) });
    const lines: string[] = [];
    ensureChromium({ path, installer: { commands: [['false']] } }, (line) => lines.push(line));
    expect(lines).toEqual([]);
  });

  it('without a way to install, fails at once with one line that says what to install', () => {
    const started = Date.now();
    expect(() => ensureChromium({ path: '/nonexistent/chromium' })).toThrow(
      /^Chromium is missing at \/nonexistent\/chromium; the browser tests need it\. Install it \(Debian: apt-get install chromium fonts-dejavu-core\) or set CHROMIUM_PATH to a Chromium binary\.$/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('says which command failed when the installer fails, and when it installs nothing', () => {
    expect(() =>
      ensureChromium({ path: missingPath(), installer: { commands: [['false']] } }, () => undefined),
    ).toThrow(/^Installing Chromium failed: `false` exited with 1\.$/);
    expect(() => ensureChromium({ path: missingPath(), installer: { commands: [['true']] } }, () => undefined)).toThrow(
      /^Chromium was installed but is still not at /,
    );
  });

  it('installs with apt-get only where apt puts it, as root, with apt-get on the PATH', () => {
    const root = process.getuid?.() === 0;
    expect(chromiumSetup({ PATH: process.env.PATH })).toEqual(
      root ? { path: DEBIAN_CHROMIUM, installer: aptInstaller } : { path: DEBIAN_CHROMIUM },
    );
    expect(chromiumSetup({ PATH: '/nonexistent' })).toEqual({ path: DEBIAN_CHROMIUM });
    expect(chromiumSetup({ PATH: process.env.PATH, CHROMIUM_PATH: '/opt/chromium' })).toEqual({
      path: '/opt/chromium',
    });
    expect(aptInstaller.commands).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
    ]);
  });
});
