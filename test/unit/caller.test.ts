import { callerFromClaims } from '../../functions/lib/caller';

describe('callerFromClaims', () => {
  const expected = {
    sub: 'user-1',
    email: 'anna@ljungby.se',
    committees: ['tekniska-namnden', 'socialnamnden'],
    isAdmin: true,
  };

  test('cognito:groups as a real array gives committees and the admin flag', () => {
    const claims = {
      sub: 'user-1',
      email: 'anna@ljungby.se',
      'cognito:groups': ['committee:tekniska-namnden', 'committee:socialnamnden', 'admin'],
    };
    expect(callerFromClaims(claims)).toEqual(expected);
  });

  test('cognito:groups as API Gateway passes it, the string "[a b]", gives the same caller', () => {
    const claims = {
      sub: 'user-1',
      email: 'anna@ljungby.se',
      'cognito:groups': '[committee:tekniska-namnden committee:socialnamnden admin]',
    };
    expect(callerFromClaims(claims)).toEqual(expected);
  });

  test('a single group in the string form is read too', () => {
    expect(callerFromClaims({ sub: 'user-2', 'cognito:groups': '[committee:socialnamnden]' })).toEqual({
      sub: 'user-2',
      committees: ['socialnamnden'],
      isAdmin: false,
    });
  });

  test('groups that are neither a committee nor admin grant nothing', () => {
    expect(callerFromClaims({ sub: 'user-3', 'cognito:groups': '[readers administrators committee]' })).toEqual({
      sub: 'user-3',
      committees: [],
      isAdmin: false,
    });
  });

  test.each([
    ['the string form', '[viewers,admin]', []],
    ['the string form beside a committee', '[viewers,admin committee:x]', ['x']],
    ['a name that only looks like two committees', '[committee:a,committee:b]', ['a,committee:b']],
    ['a real array', ['viewers,admin'], []],
  ])('a group whose name holds a comma is one group, never admin (%s)', (_, groups, committees) => {
    expect(callerFromClaims({ sub: 'user-5', 'cognito:groups': groups })).toEqual({
      sub: 'user-5',
      committees,
      isAdmin: false,
    });
  });

  test('a token without groups is a caller with no committees', () => {
    expect(callerFromClaims({ sub: 'user-4' })).toEqual({ sub: 'user-4', committees: [], isAdmin: false });
  });

  test.each([
    ['no claims at all', undefined],
    ['claims without sub', { email: 'anna@ljungby.se', 'cognito:groups': ['admin'] }],
    ['an empty sub', { sub: '', 'cognito:groups': ['admin'] }],
  ])('%s means no caller', (_, claims) => {
    expect(callerFromClaims(claims)).toBeUndefined();
  });
});
