import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { IntegrationSettings } from '../focus/state.js';
import type { IntegrationContext } from './context.js';

/** What can be changed while connected: the mappings and the nightly sync. */
export type SettingsChange = Partial<Pick<IntegrationSettings, 'ledgerMap' | 'vatMap' | 'nightlySync' | 'strategy'>>;

/**
 * Changes the integration's mappings or nightly sync (Integrations > Exact Online > Settings): admin only (R4).
 * Division, start date and journals change only by deactivating and connecting again (R12, R13).
 */
export function updateSettings(ctx: IntegrationContext, userId: string, change: SettingsChange): FocusResult<IntegrationSettings> {
  if (!ctx.focus.user(userId)?.admin) return refuse(problems.notAdmin());
  const integration = ctx.focus.state.integration;
  if (!integration) return refuse(problems.integrationInactive());
  const settings: IntegrationSettings = {
    ...integration.settings,
    ...change,
    ledgerMap: { ...integration.settings.ledgerMap, ...change.ledgerMap },
    vatMap: { ...integration.settings.vatMap, ...change.vatMap },
  };
  ctx.focus.integration.setSettings(settings);
  return done(settings);
}
