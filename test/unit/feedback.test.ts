import { daysToClose, feedbackStatus } from '../../shared/dialogue/feedback';

const promise = (byDate: string) => ({ feedbackPromise: { how: { sv: 'Mejl' }, byDate } });
const decided = (registeredAt: string) => ({
  decisionRecord: {
    summary: { sv: 's' },
    motivation: { sv: 'm' },
    decidedAt: registeredAt.slice(0, 10),
    registeredAt,
    registeredBy: 'x',
  },
});

describe('feedbackStatus (P12)', () => {
  test('before the promised day ends it is pending; after, overdue', () => {
    expect(feedbackStatus(promise('2027-03-15'), new Date('2027-03-15T21:00:00Z'))).toEqual({
      state: 'pending',
      promisedBy: '2027-03-15',
    });
    expect(feedbackStatus(promise('2027-03-15'), new Date('2027-03-16T00:30:00+01:00')).state).toBe('overdue');
  });

  test('the day is Sweden’s, in summer time too', () => {
    expect(feedbackStatus(promise('2027-06-15'), new Date('2027-06-15T21:30:00Z')).state).toBe('pending');
    expect(feedbackStatus(promise('2027-06-15'), new Date('2027-06-15T22:30:00Z')).state).toBe('overdue');
  });

  test('a decision registered by the promised day is on time, after it late', () => {
    const now = new Date('2027-04-01T00:00:00Z');
    expect(feedbackStatus({ ...promise('2027-03-15'), ...decided('2027-03-15T20:00:00Z') }, now)).toEqual({
      state: 'on-time',
      promisedBy: '2027-03-15',
      givenAt: '2027-03-15T20:00:00Z',
    });
    expect(feedbackStatus({ ...promise('2027-03-15'), ...decided('2027-03-17T08:00:00Z') }, now).state).toBe('late');
  });

  test('without a promise there is nothing to be late with', () => {
    expect(feedbackStatus({}, new Date()).state).toBe('not-promised');
  });
});

describe('daysToClose', () => {
  test('counts whole days, 0 on the last one, and nothing without a closing time', () => {
    const now = new Date('2027-01-01T12:00:00Z');
    expect(daysToClose({ closesAt: '2027-01-11T12:00:00Z' }, now)).toBe(10);
    expect(daysToClose({ closesAt: '2027-01-01T20:00:00Z' }, now)).toBe(0);
    expect(daysToClose({ closesAt: '2026-12-01T20:00:00Z' }, now)).toBe(0);
    expect(daysToClose({}, now)).toBeUndefined();
  });
});
