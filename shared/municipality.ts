import * as z from 'zod/mini';
import { ageBands } from './dialogue/profile';
import { named } from './messages/input';

/*
 * The schemas are marked pure (esbuild cannot see through zod/mini's re-exports that its constructors are), so the
 * handlers, which use only the configuration below, neither bundle nor build them.
 */

/** A committee (nämnd); the id is a slug used in URLs and in `committee:<id>` token groups. */
export const committeeSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string().check(named(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), 'committeeId')),
    name: z.string().check(z.minLength(1)),
  }))();
export type Committee = z.infer<typeof committeeSchema>;

export const municipalitySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.string().check(z.minLength(1)),
    committees: z.array(committeeSchema).check(z.minLength(1)),
    localities: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /**
     * Inhabitants, from SCB's statistics, to set a dialogue's respondents against (P14's reach): the total, and
     * per age band and locality where known. Optional: without it the evaluation shows the respondents alone.
     */
    population: z.optional(
      z.strictObject({
        total: z.int().check(z.positive()),
        ageBands: z.optional(z.partialRecord(z.enum(ageBands), z.int().check(z.nonnegative()))),
        localities: z.optional(z.record(z.string(), z.int().check(z.nonnegative()))),
      }),
    ),
  }))();
export type Municipality = z.infer<typeof municipalitySchema>;

/**
 * Ljungby kommun, the default configuration (from the municipality's own web pages). Checked against the schema
 * by a test, not at every cold start: zod's first parse compiles, which costs each function milliseconds.
 */
export const ljungby: Municipality = {
  name: 'Ljungby kommun',
  committees: [
    { id: 'kommunstyrelsen', name: 'Kommunstyrelsen' },
    { id: 'barn-och-utbildningsnamnden', name: 'Barn- och utbildningsnämnden' },
    { id: 'kultur-och-fritidsnamnden', name: 'Kultur- och fritidsnämnden' },
    { id: 'miljo-och-byggnamnden', name: 'Miljö- och byggnämnden' },
    { id: 'socialnamnden', name: 'Socialnämnden' },
    { id: 'tekniska-namnden', name: 'Tekniska nämnden' },
    { id: 'val-och-demokratinamnden', name: 'Val- och demokratinämnden' },
    { id: 'krisledningsnamnden', name: 'Krisledningsnämnden' },
    { id: 'familjeratt', name: 'Gemensamma nämnden för familjerättsliga frågor' },
    { id: 'overformyndarnamnden', name: 'Gemensamma överförmyndarnämnden' },
  ],
  localities: ['Ljungby', 'Lagan', 'Lidhult', 'Ryssby', 'Agunnaryd', 'Vittaryd', 'Annerstad'],
};

/** A committee's name, or its id where the configuration no longer names it. */
export const committeeName = (municipality: Municipality, id: string): string =>
  municipality.committees.find((c) => c.id === id)?.name ?? id;
