import { z } from 'zod';

const count = z.string().regex(/^\d{1,9}$/);

/**
 * The OData query options the API takes, as the query string carries them: `parseQueryOptions` checks `$top`, `$skip`,
 * `$inlinecount` and `$format` with these, and parses the grammar of the others (filter, property lists) itself.
 */
export const QUERY_OPTION_SCHEMAS = {
  $filter: z.string().describe("A filter: eq ne gt ge lt le and or, parentheses, guid'…', datetime'…', 123L, trim(), substringof()"),
  $select: z.string().describe('Properties to return, comma-separated (spaces allowed); * for all'),
  $orderby: z.string().describe('Properties to order by, comma-separated, each optionally followed by asc or desc'),
  $top: count.describe('At most this many rows; within one page of a plain list it is answered as the bare array {"d":[…]}'),
  $skip: count.describe('Skip this many rows'),
  $skiptoken: z.string().describe("Continue after this key (set in __next: guid'…', 387L, '10',6,2014)"),
  $expand: z.string().describe('Navigation properties to write inline instead of as __deferred links'),
  $inlinecount: z.enum(['allpages', 'none']).describe('allpages adds d.__count, the number of rows matching $filter, as a string'),
  $format: z.enum(['json']).describe('Only json'),
} as const;
