import { z } from 'zod';
import { OCTOPUS_JOURNAL_TYPES } from '../domain/flavours.js';
import { FlavourSchema } from '../store/state.js';

// The bodies the flavour routes accept, built once (a zod schema costs about a millisecond to build), and kept apart
// from the routes so that the route index loads without Express (see mockRoutes).

export const FlavourChangeSchema = z.object({ flavour: FlavourSchema, domain: z.string().min(1).max(60).optional() }).strict();
export const JournalTypeSchema = z.object({ typeName: z.enum(OCTOPUS_JOURNAL_TYPES) }).strict();
