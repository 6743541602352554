/** The journal type Octopus needs for the sales journals Focus books into (focus-side.md §1b): the mock names it, Focus checks it. */
export const OCTOPUS_SALES_TYPE = 'Sales bookings';
