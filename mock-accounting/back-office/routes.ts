import express, { type Router } from 'express';
import { controlRoutes, type ControlRoutesOptions } from './control-routes.js';
import { ledgerRoutes } from './ledger-routes.js';
import { BACK_OFFICE_ROUTES } from './route-index.js';

/**
 * `/__mock/*`: what a person does by hand in Exact's web UI, and what tests need to drive the server.
 * Not part of Exact's API: no OAuth, plain JSON, amounts in cents.
 */
export function backOfficeRoutes(options: ControlRoutesOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: '50mb' }));
  router.get('/', (_req, res) => {
    res.json({ about: 'booklab mock accounting back office (not part of the Exact API)', routes: BACK_OFFICE_ROUTES });
  });
  router.use(controlRoutes(options));
  router.use('/divisions/:division', ledgerRoutes(options.ledger));
  router.use((req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `No back-office route ${req.method} /__mock${req.path}. GET /__mock lists them.` } });
  });
  return router;
}
