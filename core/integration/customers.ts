import type { Company } from '../focus/state.js';
import type { ExactError, ExactResult } from '../exact-client/index.js';
import type { IntegrationContext } from './context.js';

/**
 * Makes sure the company exists as a relation in the administration: creates it when the company is not
 * linked yet (as the real integration does, without looking for a relation of the same name first).
 */
export async function ensureCustomer(
  ctx: IntegrationContext,
  division: number,
  company: Company,
): Promise<ExactResult<{ accountId: string; created: boolean }>> {
  if (company.accountingId) return { ok: true, value: { accountId: company.accountingId, created: false } };
  const created = await ctx.exact.create<{ ID: string; Code: string }>(division, 'crm/Accounts', {
    Name: company.name,
    Status: 'C',
    VATNumber: company.vatNumber,
    Country: company.country,
    Email: company.email,
    ...(company.externalId && /^\d{1,18}$/.test(company.externalId) ? { Code: company.externalId } : {}),
  });
  if (!created.ok) return created;
  ctx.focus.integration.linkCompany(company.id, created.value.ID, String(created.value.Code).trim());
  return { ok: true, value: { accountId: created.value.ID, created: true } };
}

/** True when a failure means the request may have been carried out without the answer arriving. */
export function answerLost(error: ExactError): boolean {
  return error.code === 'network';
}
