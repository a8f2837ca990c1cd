import { localPorts } from '../../local/ports';

describe('localPorts (PORT, DYNAMODB_PORT, SES_PORT, SCHEDULE_INTERVAL_SECONDS)', () => {
  test('unset or left blank means the defaults', () => {
    const defaults = { api: 3000, dynamodb: 8000, ses: 8005, scheduleIntervalSeconds: 60 };
    expect(localPorts({})).toEqual(defaults);
    expect(localPorts({ PORT: '', DYNAMODB_PORT: ' ', SES_PORT: '' })).toEqual(defaults);
  });

  test('given ports are used', () => {
    expect(localPorts({ PORT: '3410', DYNAMODB_PORT: '8410', SES_PORT: '8415' })).toMatchObject({
      api: 3410,
      dynamodb: 8410,
      ses: 8415,
    });
  });

  test('a port that is no number, or out of range, is one line naming the setting', () => {
    expect(() => localPorts({ PORT: 'abc' })).toThrow(/^Bad local setting: .*This should be a number\..*PORT$/);
    expect(() => localPorts({ SES_PORT: '70000' })).toThrow(/SES_PORT/);
  });
});
