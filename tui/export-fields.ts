// The export screen's editable fields per wizard step: what they are, how they read, how `space` changes them.

import type { ExportParameters, Exporter, ExportPeriod, WizardStep } from '../core/index.js';

/** What the screen's fields hold before a step is confirmed. */
export interface ExportForm {
  period: ExportPeriod;
  /** Manage external IDs (R18, R20): generate for customers without one, from a start value (typed, so kept as text). */
  ids: { generate: boolean; startValue: string; confirmReuse: boolean };
  /** The parameters being edited (R23); null until a package is chosen. */
  parameters: ExportParameters | null;
}

/** A field: text typed in the prompt, a yes/no toggle, or a choice that `space` cycles. */
export interface ExportField {
  /** `from`, `generate`, `vat`, … or `extra:<name>` for a package's own parameter. */
  key: string;
  label: string;
  kind: 'text' | 'toggle' | 'choice';
  choices?: readonly string[];
}

const EXTRA = 'extra:';

/** The fields of a step (the package step's rows are the packages, the others have none). */
export function stepFields(step: WizardStep, exporter: Exporter | null): ExportField[] {
  if (step === 'period')
    return [
      { key: 'from', label: 'From', kind: 'text' },
      { key: 'to', label: 'To', kind: 'text' },
    ];
  if (step === 'external-ids') {
    return [
      { key: 'generate', label: 'Generate missing IDs', kind: 'toggle' },
      { key: 'startValue', label: 'Start value', kind: 'text' },
      { key: 'confirmReuse', label: 'Reuse IDs anyway', kind: 'toggle' },
    ];
  }
  if (step !== 'parameters') return [];
  return [
    { key: 'vat', label: 'VAT', kind: 'choice', choices: ['lines', 'total'] },
    { key: 'exportCustomers', label: 'Export customers too', kind: 'toggle' },
    { key: 'invoiceJournal', label: 'Invoice journal', kind: 'text' },
    { key: 'creditNoteJournal', label: 'Credit note journal', kind: 'text' },
    ...(exporter?.parameters ?? []).map((p): ExportField => ({
      key: `${EXTRA}${p.name}`,
      label: p.label,
      kind: p.choices ? 'choice' : 'text',
      choices: p.choices,
    })),
  ];
}

/** A field's value: text, or a boolean for a toggle. */
export function fieldValue(form: ExportForm, key: string): string | boolean {
  const p = form.parameters;
  switch (key) {
    case 'from':
      return form.period.from;
    case 'to':
      return form.period.to;
    case 'generate':
      return form.ids.generate;
    case 'startValue':
      return form.ids.startValue;
    case 'confirmReuse':
      return form.ids.confirmReuse;
    case 'vat':
      return p?.vat ?? 'lines';
    case 'exportCustomers':
      return p?.exportCustomers ?? true;
    case 'invoiceJournal':
      return p?.invoiceJournal ?? '';
    case 'creditNoteJournal':
      return p?.creditNoteJournal ?? '';
    default:
      return key.startsWith(EXTRA) ? (p?.extra[key.slice(EXTRA.length)] ?? '') : '';
  }
}

/** How a field reads on screen: `[x]` / `[ ]` for toggles, `lines · total` style for choices. */
export function fieldText(form: ExportForm, field: ExportField): string {
  const value = fieldValue(form, field.key);
  if (typeof value === 'boolean') return value ? '[x]' : '[ ]';
  if (field.choices) return field.choices.map((c) => (c === value ? `(•) ${c}` : `( ) ${c}`)).join('  ');
  return value;
}

/** The form with a field set: text to `value`, a toggle flipped, a choice moved to the next one. */
export function changeField(form: ExportForm, field: ExportField, value?: string): ExportForm {
  const current = fieldValue(form, field.key);
  const next: string | boolean =
    field.kind === 'toggle'
      ? !current
      : field.kind === 'choice'
        ? nextChoice(field.choices ?? [], String(current))
        : (value ?? String(current));
  if (field.key === 'from' || field.key === 'to') return { ...form, period: { ...form.period, [field.key]: String(next) } };
  if (field.key === 'generate' || field.key === 'startValue' || field.key === 'confirmReuse')
    return { ...form, ids: { ...form.ids, [field.key]: next } };
  const p = form.parameters;
  if (!p) return form;
  if (field.key.startsWith(EXTRA))
    return { ...form, parameters: { ...p, extra: { ...p.extra, [field.key.slice(EXTRA.length)]: String(next) } } };
  return { ...form, parameters: { ...p, [field.key]: next } };
}

function nextChoice(choices: readonly string[], current: string): string {
  return choices[(choices.indexOf(current) + 1) % choices.length] ?? current;
}
