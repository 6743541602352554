import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { controlRoutes } from './control-routes.js';
import { crossSiteGuard } from './cross-site-guard.js';
import { flavourRoutes } from './flavour-routes.js';
import { ledgerRoutes } from './ledger-routes.js';
import { BACK_OFFICE_ROUTES } from './route-index.js';
import { openApiDocument } from '../openapi/document.js';

/**
 * `/__mock/*`: what a person does by hand in Exact's web UI, and what tests need to drive the server.
 * Not part of Exact's API: no OAuth, plain JSON, amounts in cents.
 */
export function backOfficeRoutes(): Router {
  const router = express.Router();
  router.use(crossSiteGuard());
  router.use(express.json({ limit: '50mb' }));
  router.get('/', (_req, res) => {
    res.json({ about: 'booklab mock accounting back office (not part of the Exact API)', routes: BACK_OFFICE_ROUTES });
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.use(controlRoutes());
  router.use('/divisions/:division', ledgerRoutes());
  router.use('/divisions/:division', flavourRoutes());
  router.use((req, res) => {
    res
      .status(404)
      .json({ error: { code: 'not_found', message: `No back-office route ${req.method} /__mock${req.path}. GET /__mock lists them.` } });
  });
  // A body that is not JSON (or too large) is answered in the back office's own error shape, not the API's.
  router.use(function backOfficeBodyError(error: unknown, _req: Request, res: Response, next: NextFunction) {
    const status = (error as { status?: unknown }).status;
    if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    res.status(status).json({
      error: { code: 'bad_request', message: `Invalid body: ${(error as Error).message}. See GET /__mock for the expected body.` },
    });
  });
  return router;
}
