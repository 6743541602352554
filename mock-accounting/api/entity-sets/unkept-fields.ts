import { field } from '../entity-set.js';

// Properties of Exact's sales entries and lines (exact-api.md §6; the field lists of its reference pages) that the
// mock does not keep: listed so that `$select` names them and a fetched entity can be saved back whole. They are
// always null and, read-only here, ignored on write, although Exact takes some of them (BatchNumber, Notes, …).

/** salesentry/SalesEntries: documents, payment-condition texts, audit names, German and Spanish fields. */
export const SALES_ENTRY_UNKEPT_FIELDS = {
  DocumentNumber: field('Int32', 'r'),
  DocumentSubject: field('String', 'r'),
  PaymentConditionDescription: field('String', 'r'),
  PaymentConditionPaymentMethod: field('String', 'r'),
  Creator: field('Guid', 'r'),
  CreatorFullName: field('String', 'r'),
  Modifier: field('Guid', 'r'),
  ModifierFullName: field('String', 'r'),
  BatchNumber: field('Int32', 'r'),
  CustomField: field('String', 'r'),
  ExternalLinkDescription: field('String', 'r'),
  ExternalLinkReference: field('String', 'r'),
  ProcessNumber: field('Int32', 'r'),
  WithholdingTaxAmountDC: field('Double', 'r'),
  WithholdingTaxBaseAmount: field('Double', 'r'),
  WithholdingTaxPercentage: field('Double', 'r'),
};

/** salesentry/SalesEntryLines: cost-centre and project texts, assets, IntraStat, subscriptions, tracking numbers. */
export const SALES_ENTRY_LINE_UNKEPT_FIELDS = {
  CostCenterDescription: field('String', 'r'),
  CostUnitDescription: field('String', 'r'),
  ProjectDescription: field('String', 'r'),
  Asset: field('Guid', 'r'),
  AssetDescription: field('String', 'r'),
  CustomField: field('String', 'r'),
  ExtraDutyAmountFC: field('Double', 'r'),
  ExtraDutyPercentage: field('Double', 'r'),
  IntraStatArea: field('String', 'r'),
  IntraStatCountry: field('String', 'r'),
  IntraStatDeliveryTerm: field('String', 'r'),
  IntraStatTransactionA: field('String', 'r'),
  IntraStatTransactionB: field('String', 'r'),
  IntraStatTransportMethod: field('String', 'r'),
  Notes: field('String', 'r'),
  ProjectWBS: field('Guid', 'r'),
  ProjectWBSDescription: field('String', 'r'),
  SerialNumber: field('String', 'r'),
  StatisticalNetWeight: field('Double', 'r'),
  StatisticalNumber: field('String', 'r'),
  StatisticalQuantity: field('Double', 'r'),
  StatisticalValue: field('Double', 'r'),
  Subscription: field('Guid', 'r'),
  SubscriptionDescription: field('String', 'r'),
  TaxSchedule: field('Guid', 'r'),
  TrackingNumber: field('Guid', 'r'),
  TrackingNumberDescription: field('String', 'r'),
};
