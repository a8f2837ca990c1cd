/** Optional profile questions (P1): relation to the municipality and age band. No zod here: the response schema and the browser import these without the question schemas. */
export const relations = ['lives', 'works', 'visits'] as const;
export type Relation = (typeof relations)[number];
export const ageBands = ['under-16', '16-19', '20-29', '30-44', '45-64', '65-79', '80-plus'] as const;
export type AgeBand = (typeof ageBands)[number];
