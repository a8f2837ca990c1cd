import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStackRecord, withRunningStack, writeStackRecord } from '../../local/stack-record';

const dir = () => mkdtempSync(join(tmpdir(), 'stack-record-'));
const record = (pid: number) => ({ pid, host: '127.0.0.1', ports: { api: 3101, dynamodb: 8101, ses: 8106 } });
const recorded = { PORT: '3101', DYNAMODB_PORT: '8101', SES_PORT: '8106', HOST: '127.0.0.1' };

describe('the running stack’s record (.local/stack.json)', () => {
  it('gives the CLIs the running stack’s ports, readable by this user alone; set variables still win', () => {
    const here = dir();
    writeStackRecord(record(process.pid), here);
    expect(statSync(join(here, 'stack.json')).mode & 0o777).toBe(0o600);
    expect(withRunningStack({}, here)).toEqual(recorded);
    expect(withRunningStack({ PORT: '4000' }, here)).toEqual({ ...recorded, PORT: '4000' });
  });

  it('is ignored when the stack that wrote it is gone (killed, so it could not remove it)', () => {
    const here = dir();
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    writeStackRecord(record(exited), here);
    expect(withRunningStack({ SES_PORT: '9' }, here)).toEqual({ SES_PORT: '9' });
  });

  it('is removed on stop only by the stack that wrote it, and is no record when it is missing or garbled', () => {
    const here = dir();
    writeStackRecord(record(1), here);
    removeStackRecord(here);
    expect(existsSync(join(here, 'stack.json'))).toBe(true);
    writeStackRecord(record(process.pid), here);
    removeStackRecord(here);
    expect(existsSync(join(here, 'stack.json'))).toBe(false);
    expect(withRunningStack({}, here)).toEqual({});
    writeFileSync(join(here, 'stack.json'), '{"pid": "not a number"');
    expect(withRunningStack({}, here)).toEqual({});
  });
});
