import express, { type Router } from 'express';
import { scopeOf } from '../app-scope.js';
import { flavourOf } from '../domain/flavours.js';
import { findJournal } from '../domain/lookups.js';
import { fail, ok } from '../domain/result.js';
import { intParam, route } from './respond.js';
import { journalView } from './views.js';
import { FlavourChangeSchema, JournalTypeSchema } from './flavour-schemas.js';

/** Which product a division imitates (issue 6): switched by hand, like choosing the bookkeeping tool of a test company. */
export function flavourRoutes(): Router {
  const router = express.Router({ mergeParams: true });

  router.put(
    '/flavour',
    route(FlavourChangeSchema, async ({ flavour, domain }, req) => {
      const { store } = scopeOf(req);
      const code = intParam(req, 'division');
      const division = code === undefined ? undefined : store.state.divisions[String(code)];
      if (!division) return fail({ code: 'not_found', entity: `division ${String(req.params.division)}` });
      // Only a Yuki division has a domain. Setting Yuki again without one keeps it; switching to another flavour
      // drops it, so a division switched back to Yuki needs it again, else it is a quota domain of its own.
      const { domain: previous, ...rest } = division;
      const kept = domain ?? previous;
      const updated = { ...rest, flavour, ...(flavour === 'yuki' && kept ? { domain: kept } : {}) };
      await store.write((tx) => tx.put('divisions', String(division.code), updated));
      return ok(updated);
    }),
  );

  router.put(
    '/journals/:code/type',
    route(JournalTypeSchema, async ({ typeName }, req) => {
      const { ledger, store } = scopeOf(req);
      const code = intParam(req, 'division');
      const journal = code === undefined ? undefined : findJournal(ledger, code, String(req.params.code));
      if (!journal)
        return fail({ code: 'not_found', entity: `journal ${String(req.params.code)} in division ${String(req.params.division)}` });
      if (flavourOf(store.state, journal.division) !== 'octopus') {
        return fail({
          code: 'bad_request',
          message: `Division ${journal.division} does not imitate Octopus: only Octopus journals have a type by name. Set its flavour first (PUT /__mock/divisions/${journal.division}/flavour).`,
        });
      }
      const updated = { ...journal, typeName };
      await store.write((tx) => tx.put('journals', journal.id, updated));
      return ok(journalView(updated, ledger.numbering));
    }),
  );

  return router;
}
