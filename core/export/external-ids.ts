import type { Focus } from '../focus/focus.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { Company, FocusState } from '../focus/state.js';

// External IDs are how the accounting package recognises a customer in the exported file (R18–R20).
// Only admins see them; typing them needs "Manually editable"; the export can generate them.

/** A generated external ID the plan gives a company (R20). */
export interface ExternalIdAssignment {
  companyId: string;
  name: string;
  externalId: string;
}

/** What generating external IDs would do: the IDs it hands out and those customers already hold (R20). */
export interface ExternalIdPlan {
  startValue: number;
  /** The first ID handed out: after the IDs generated earlier from the same start value. */
  firstValue: number;
  assignments: ExternalIdAssignment[];
  /** IDs in the range handed out that companies already have: the package would overwrite those customers. */
  reused: string[];
}

/** Options of planning and generating external IDs. */
export interface ExternalIdOptions {
  /** Start value; the one in the settings (100000 by default) when absent. */
  startValue?: number;
  /** Only these companies (e.g. the customers of an export); all companies when absent. */
  companyIds?: readonly string[];
  /** The fix beside the faithful behaviour: skip numbers that a company already holds instead of reusing them. */
  skipTaken?: boolean;
}

/** The outcome of generating external IDs. */
export interface GeneratedExternalIds {
  startValue: number;
  assigned: ExternalIdAssignment[];
  reused: string[];
}

/** The segment "External ID is not filled out" (R19): companies without an external ID, oldest first. */
export function companiesWithoutExternalId(focus: Focus): Company[] {
  return Object.values(focus.state.companies)
    .filter((company) => !company.externalId)
    .sort(creationOrder);
}

/** The company that holds `externalId`, other than `exceptId`. */
export function externalIdHolder(focus: Focus, externalId: string, exceptId?: string): Company | undefined {
  return Object.values(focus.state.companies).find((company) => company.id !== exceptId && company.externalId === externalId);
}

/** Every company by its external ID; a list longer than one is a shared ID the package would merge (R20). */
export function companiesByExternalId(state: FocusState): Map<string, Company[]> {
  const holders = new Map<string, Company[]>();
  for (const company of Object.values(state.companies)) {
    if (company.externalId) holders.set(company.externalId, [...(holders.get(company.externalId) ?? []), company]);
  }
  return holders;
}

/** The external IDs that more than one company holds, with those companies. */
export function sharedExternalIds(state: FocusState): Array<{ externalId: string; companies: Company[] }> {
  return [...companiesByExternalId(state)]
    .filter(([, companies]) => companies.length > 1)
    .map(([externalId, companies]) => ({ externalId, companies }));
}

/** Turns "Manually editable" on or off (Manage external IDs); admins only (R18). */
export function setManuallyEditable(focus: Focus, userId: string, on: boolean): FocusResult<boolean> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('change the external-ID settings'));
  focus.bookkeepingExport.setManuallyEditable(on);
  return done(on);
}

/**
 * Types a company's external ID, or clears it with null (R18): only an admin, only with "Manually editable"
 * on, and never an ID that another company already holds.
 */
export function setExternalId(focus: Focus, userId: string, companyId: string, externalId: string | null): FocusResult<Company> {
  if (!focus.user(userId)?.admin) return refuse(problems.notEditable(companyId, 'not_admin'));
  if (!focus.state.bookkeepingExport.externalIds.manuallyEditable) return refuse(problems.notEditable(companyId, 'not_manually_editable'));
  const company = focus.state.companies[companyId];
  if (!company) return refuse(problems.notFound('company', companyId));
  const value = externalId?.trim() || null;
  const holder = value === null ? undefined : externalIdHolder(focus, value, companyId);
  if (holder) return refuse(problems.duplicateExternalId(value!, companyId, holder.name));
  focus.bookkeepingExport.setExternalId(companyId, value);
  return done(company);
}

/**
 * What generating would do (R20): companies without an ID, oldest first, get consecutive numbers from the
 * start value, continuing after the IDs generated from it before; `reused` lists the numbers in that range
 * that companies already hold, the warning to show before a lower start value overwrites customers.
 */
export function planExternalIds(focus: Focus, options: ExternalIdOptions = {}): FocusResult<ExternalIdPlan> {
  const startValue = options.startValue ?? focus.state.bookkeepingExport.externalIds.startValue;
  if (!Number.isSafeInteger(startValue) || startValue <= 0) {
    return refuse(problems.invalid(`Start value ${startValue} is not valid: use a whole number above 0 (100000 by default).`));
  }
  const missing = options.companyIds?.find((id) => !focus.state.companies[id]);
  if (missing !== undefined) return refuse(problems.notFound('company', missing));
  const wanted = options.companyIds ? new Set(options.companyIds) : null;
  const companies = companiesWithoutExternalId(focus).filter((company) => !wanted || wanted.has(company.id));
  const held = new Set(Object.values(focus.state.companies).map((company) => company.externalId));
  const firstValue = startValue + (focus.state.counters[counterKey(startValue)] ?? 0);
  const assignments: ExternalIdAssignment[] = [];
  const reused: string[] = [];
  let next = firstValue;
  for (const company of companies) {
    while (options.skipTaken && held.has(String(next))) next++;
    const externalId = String(next++);
    if (held.has(externalId)) reused.push(externalId);
    assignments.push({ companyId: company.id, name: company.name, externalId });
  }
  return done({ startValue, firstValue, assignments, reused });
}

/**
 * "Generate automatically" (R20): gives companies without an external ID the planned IDs and stores the start
 * value in the settings. Admins only. When the range holds IDs that customers already have, it is refused
 * unless `confirmReuse`; confirmed, the IDs are handed out as planned, so two customers share an ID and the
 * package will overwrite one with the other (faithful; `skipTaken` is the fix).
 */
export function generateExternalIds(
  focus: Focus,
  userId: string,
  { confirmReuse = false, ...options }: ExternalIdOptions & { confirmReuse?: boolean } = {},
): FocusResult<GeneratedExternalIds> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('see and generate external IDs'));
  const plan = planExternalIds(focus, options);
  if (!plan.ok) return plan;
  const { startValue, firstValue, assignments, reused } = plan.value;
  if (reused.length > 0 && !confirmReuse) return refuse(problems.startValueReusesIds(startValue, reused));
  const last = assignments.at(-1);
  const used = (last ? Number(last.externalId) + 1 : firstValue) - startValue;
  focus.bookkeepingExport.recordGeneratedIds(assignments, counterKey(startValue), used, startValue);
  return done({ startValue, assigned: assignments, reused });
}

/** Where Focus counts the numbers used up from a start value, so that a second run continues after them. */
function counterKey(startValue: number): string {
  return `external-id-from-${startValue}`;
}

/** Oldest first: ids are counters (`company-12`), so compare their numbers, not their text. */
function creationOrder(a: Company, b: Company): number {
  return idNumber(a.id) - idNumber(b.id) || a.id.localeCompare(b.id);
}

function idNumber(id: string): number {
  return Number(/(\d+)$/.exec(id)?.[1] ?? 0);
}
