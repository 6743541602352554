import type { Ledger } from '../domain/ledger.js';
import type { Language } from '../domain/problems.js';
import type { User } from '../store/index.js';

/** How a list asked with `$top` (up to a page) is wrapped: `{"d":[…]}` (Exact, OData v1) or `{"d":{"results":[…]}}`. */
export type ListWithTop = 'array' | 'results';

/** Who is calling and where: what every API handler needs besides the ledger. */
export interface RequestContext {
  ledger: Ledger;
  user: User;
  clientId: string;
  division: number;
  lang: Language;
  /** `http://host:port` as the client reached the server, for `__next` and `__metadata.uri`. */
  origin: string;
  /** The client asked for the full entity back (`Prefer: return=representation`). */
  returnRepresentation: boolean;
  /** crm/Accounts refuses a GET without `$filter`, as Exact does since 2022. */
  mandatoryAccountFilter: boolean;
  listWithTop: ListWithTop;
}
