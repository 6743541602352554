import type { TokenSet } from '../exact-client/tokens.js';
import type { FocusDocument, FocusState, Integration, IntegrationSettings, Link } from './state.js';

/**
 * What the bookkeeping integration records in Focus (`focus.integration`): links, booking numbers, payment status, and
 * the integration's own settings, tokens and nightly runs. The integration decides what to record and asks Focus to
 * record it here, so Focus's state has one writer, core/focus.
 */
export class FocusIntegration {
  constructor(private readonly state: () => FocusState) {}

  /** A document was booked in the accounting package (or its booking found there): its booking number and where it stands (R6). */
  recordBooking(documentId: string, bookingNumber: number, link: Link): void {
    const document = this.document(documentId);
    document.bookingNumber = bookingNumber;
    document.link = link;
  }

  /** A document's booking is gone from the accounting package: it loses its link and booking number, so it is booked again. */
  unlink(documentId: string): void {
    Object.assign(this.document(documentId), { link: null, bookingNumber: null });
  }

  /** Deactivation delinks a document (R12): link and booking number go, and an edit made since the sync no longer matters. */
  delink(documentId: string): void {
    Object.assign(this.document(documentId), { link: null, bookingNumber: null, editedAfterSync: false });
  }

  /** A synced document's edited lines reached its booking (Octopus, R11). */
  recordEditPushed(documentId: string): void {
    this.document(documentId).editedAfterSync = false;
  }

  /** The payment status the accounting package has for a document (R14). */
  recordPaymentStatus(documentId: string, status: Pick<FocusDocument, 'paymentStatus' | 'paidCents'>): void {
    Object.assign(this.document(documentId), status);
  }

  /** Links a company to its relation in the accounting package, or unlinks it (both null). */
  linkCompany(companyId: string, accountingId: string | null, accountingCode: string | null): void {
    const company = this.state().companies[companyId];
    if (!company) throw new Error(`[booklab] No company ${companyId} in Focus: the integration links only companies it read there.`);
    Object.assign(company, { accountingId, accountingCode });
  }

  /** Unlinks every contact from the accounting package ("also delink contacts and companies", R12). */
  unlinkContacts(): void {
    for (const contact of Object.values(this.state().contacts)) contact.accountingId = null;
  }

  /** Sets up an inactive integration with these settings while connecting (keeping the last delink date); returns the one it replaces. */
  open(settings: IntegrationSettings): Integration | null {
    const state = this.state();
    const previous = state.integration;
    state.integration = {
      active: false,
      settings,
      tokens: null,
      lastNightlyRun: null,
      ...(previous?.delinkDate ? { delinkDate: previous.delinkDate } : {}),
    };
    return previous;
  }

  /** Puts back the integration a failed connect replaced. */
  restore(previous: Integration | null): void {
    this.state().integration = previous;
  }

  /** The integration's settings as they are now. */
  setSettings(settings: IntegrationSettings): void {
    this.current().settings = settings;
  }

  /** The connection is made: the integration syncs from now on. */
  activate(): void {
    this.current().active = true;
  }

  /** Deactivated (R12): no sync, no tokens, and the delink date kept so the settings can show it. */
  deactivate(delinkDate: string): void {
    const integration = this.current();
    integration.active = false;
    integration.tokens = null;
    integration.delinkDate = delinkDate;
  }

  /** The newest OAuth tokens (refresh tokens rotate); without an integration there is nowhere to keep them. */
  storeTokens(tokens: TokenSet): void {
    const integration = this.state().integration;
    if (integration) integration.tokens = tokens;
  }

  /** The nightly sync ran for this night (R17), so one night runs once. */
  recordNightlyRun(night: number): void {
    this.current().lastNightlyRun = night;
  }

  /** The document, which the caller has just read from this state (a missing one is a bug, not an outcome). */
  private document(documentId: string): FocusDocument {
    const document = this.state().documents[documentId];
    if (!document) throw new Error(`[booklab] No document ${documentId} in Focus: the integration records only documents it read there.`);
    return document;
  }

  /** The integration, which the caller has just seen set up (a missing one is a bug, not an outcome). */
  private current(): Integration {
    const integration = this.state().integration;
    if (!integration) throw new Error('[booklab] Focus has no integration: connect one before recording its state.');
    return integration;
  }
}
