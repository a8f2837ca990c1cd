import type { RegisterFilter } from './register';

/** The register's query as a filter: an empty value (the form's "all") filters nothing. */
export const filterOf = (query: { committee?: string; status?: string; year?: string }): RegisterFilter => ({
  ...(query.committee ? { committee: query.committee } : {}),
  ...(query.status ? { status: query.status as NonNullable<RegisterFilter['status']> } : {}),
  ...(query.year ? { year: Number(query.year) } : {}),
});
