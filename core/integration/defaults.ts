import { DEMO_CLIENT } from '../../primitives/index.js';

/** The VAT rates of Belgium (basis points, as text) mapped to the demo administration's VAT codes. */
export const DEFAULT_VAT_MAP: Record<string, string> = { '0': '0', '600': '6', '1200': '12', '2100': '21' };

/** How Focus is registered as an app with the accounting package (the demo seed's app). */
export const FOCUS_APP = {
  clientId: DEMO_CLIENT.id,
  clientSecret: DEMO_CLIENT.secret,
  redirectUri: 'http://localhost:3000/integrations/exact/callback',
} as const;

/** The hour (UTC) of the nightly sync (R17). */
export const NIGHTLY_SYNC_HOUR = 2;
