import { ljungby, municipalitySchema } from '../../shared/municipality';

describe('the default municipality configuration', () => {
  it('is valid: committees with slug ids and names, and localities', () => {
    expect(municipalitySchema.parse(ljungby)).toEqual(ljungby);
  });

  it('lists every committee Ljungby kommun names, each id once', () => {
    const ids = ljungby.committees.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ljungby.committees.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Kommunstyrelsen', 'Tekniska nämnden', 'Socialnämnden']),
    );
  });
});
