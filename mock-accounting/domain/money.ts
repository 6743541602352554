/** The largest amount a line takes, in cents either way: 10^13 in currency, as the API reads amounts. */
export const MAX_AMOUNT_CENTS = 1e15;
