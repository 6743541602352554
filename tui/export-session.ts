// The export screen's model: one ExportWizard on the world shown, the fields being edited, and the files written.

import { defaultExportPeriod, euros, plural, type Focus, topUpWallet, ExportWizard, type WizardStep } from '../core/index.js';
import { changeField, fieldValue, stepFields, type ExportField, type ExportForm } from './export-fields.js';
import { previewLines } from './export-preview-lines.js';
import type { ExportMessage, ExportScreenState, ExportSessionOptions, FieldPrompt, PreviewRoom } from './export-screen-state.js';
import { DEFAULT_EXPORT_DIR, writeExportFiles, type ExportWriter } from './export-writer.js';
import { clamp, clampSelection } from './window.js';

/** The wallet top-up the cost step offers (the demo's "buy credits"). */
export const TOP_UP_CENTS = 500;

const ok = (text: string): ExportMessage => ({ text, tone: 'ok' });
const fail = (text: string): ExportMessage => ({ text, tone: 'error' });
const info = (text: string): ExportMessage => ({ text, tone: 'info' });

/**
 * Drives the export wizard (R22–R24) for the screen: `open` starts it on a Focus account, `next` confirms
 * the step, `back` goes one step back. Refusals stay on the step with the core's message.
 * @example
 * const session = new ExportSession({ dir: tmp });
 * session.open(world.focus);
 * await session.next(); // the period
 */
export class ExportSession {
  private wizard: ExportWizard | null = null;
  private focus: Focus | null = null;
  private form: ExportForm = {
    period: { from: '', to: '' },
    ids: { generate: false, startValue: '', confirmReuse: false },
    parameters: null,
  };
  private files: Array<{ name: string; path: string }> = [];
  private selected = 0;
  private scroll = 0;
  private busy = false;
  private message: ExportMessage | undefined;
  private current: ExportScreenState | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly dir: string;
  private readonly write: ExportWriter;
  private readonly userId: string;

  constructor({ dir = DEFAULT_EXPORT_DIR, write = writeExportFiles, userId = 'admin' }: ExportSessionOptions = {}) {
    this.dir = dir;
    this.write = write;
    this.userId = userId;
  }

  /** Starts a new export of `focus`: the period from 1 January of this year to today. */
  open(focus: Focus): void {
    const today = focus.clock.today();
    this.focus = focus;
    this.wizard = new ExportWizard(focus, this.userId);
    this.form = {
      period: defaultExportPeriod(today),
      ids: { generate: false, startValue: String(focus.state.bookkeepingExport.externalIds.startValue), confirmReuse: false },
      parameters: null,
    };
    this.files = [];
    this.message = undefined;
    this.goTo(0);
  }

  /** The state to draw (stable between changes, for `useSyncExternalStore`); null before `open`. */
  readonly getSnapshot = (): ExportScreenState | null => this.current;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Enter: confirms the step and moves on; `closed` when the file step is confirmed. */
  async next(): Promise<'closed' | undefined> {
    const wizard = this.wizard;
    if (!wizard || this.busy) return undefined;
    switch (wizard.step) {
      case 'period': {
        const chosen = wizard.choosePeriod(this.form.period);
        return this.done(
          chosen.ok
            ? info(`${chosen.value.length} booked invoices and credit notes from ${this.form.period.from} to ${this.form.period.to}.`)
            : fail(chosen.problem.message),
        );
      }
      case 'package': {
        const chosen = wizard.choosePackage(wizard.packages[this.selected]?.id ?? '');
        if (chosen.ok) this.form = { ...this.form, parameters: wizard.parameters };
        return this.done(chosen.ok ? info(`${chosen.value.name}: ${chosen.value.description}`) : fail(chosen.problem.message));
      }
      case 'external-ids':
        return this.done(this.manageExternalIds(wizard));
      case 'cost': {
        const paid = wizard.pay();
        if (!paid.ok) return this.done(fail(paid.problem.message));
        const { feeCents, toCharge, alreadyPaid } = paid.value;
        return this.done(
          ok(
            toCharge === 0
              ? `Nothing to pay: all ${alreadyPaid} were paid for before.`
              : `Paid ${euros(feeCents)} for ${plural(toCharge, 'document')}; ${alreadyPaid} ${alreadyPaid === 1 ? 'was' : 'were'} paid for before (free).`,
          ),
        );
      }
      case 'parameters': {
        wizard.setParameters(this.form.parameters ?? {});
        const { vat, invoiceJournal, creditNoteJournal, exportCustomers } = wizard.parameters!;
        return this.done(
          info(`VAT on ${vat}, journals ${invoiceJournal}/${creditNoteJournal}${exportCustomers ? ', customers too' : ''}.`),
        );
      }
      case 'preview':
        return this.download(wizard);
      case 'file':
        return 'closed';
    }
  }

  /** Esc: one step back (what was chosen stays); `closed` on the first step. */
  back(): WizardStep | 'closed' {
    if (!this.wizard || this.busy) return this.wizard?.step ?? 'closed';
    if (this.wizard.step === 'period') return 'closed';
    this.wizard.back();
    this.message = undefined;
    this.goTo(this.wizard.step === 'package' ? this.wizard.packages.indexOf(this.wizard.exporter!) : 0);
    return this.wizard.step;
  }

  /** Moves the selection (a field or package), or scrolls the preview in the room it has. */
  move(delta: number, room: PreviewRoom): void {
    const state = this.current;
    if (!state) return;
    if (state.step === 'preview' && state.preview) {
      const length = previewLines(state.preview, room.width).length;
      this.scroll = clamp(this.scroll + delta, 0, Math.max(0, length - room.height));
    } else {
      this.selected = clampSelection(this.selected + delta, state.step === 'package' ? state.packages.length : this.fields().length);
    }
    this.publish();
  }

  /** Space: flips a toggle or cycles a choice; for a text field it returns what the prompt asks. */
  change(): FieldPrompt | undefined {
    const field = this.fields()[this.selected];
    if (!field) return undefined;
    if (field.kind === 'text') return { key: field.key, label: field.label, value: String(fieldValue(this.form, field.key)) };
    this.form = changeField(this.form, field);
    this.publish();
    return undefined;
  }

  /** Sets a text field to what the prompt returned. */
  setField(key: string, value: string): void {
    const field = this.fields().find((f) => f.key === key);
    if (!field) return;
    this.form = changeField(this.form, field, value.trim());
    this.publish();
  }

  /** Tops up the wallet on the cost step (the demo's way to buy credits). */
  topUp(cents = TOP_UP_CENTS): void {
    if (this.wizard?.step !== 'cost' || !this.focus) return;
    const balance = topUpWallet(this.focus, cents);
    this.message = balance.ok ? ok(`Topped up ${euros(cents)}: the wallet holds ${euros(balance.value)}.`) : fail(balance.problem.message);
    this.publish();
  }

  private manageExternalIds(wizard: ExportWizard): ExportMessage {
    const { generate, confirmReuse } = this.form.ids;
    const startValue = Number(this.form.ids.startValue);
    if (generate && (!Number.isInteger(startValue) || startValue <= 0))
      return fail(`The start value "${this.form.ids.startValue}" is not a whole number above 0: type one such as 100000.`);
    const managed = wizard.manageExternalIds({ generate, startValue: generate ? startValue : undefined, confirmReuse });
    if (!managed.ok) return fail(managed.problem.message);
    const { generated, missing, firstId } = managed.value;
    if (generate)
      return ok(
        generated > 0
          ? `Generated ${generated} external IDs from ${firstId}.`
          : 'Every customer already has an external ID: none generated.',
      );
    return missing > 0
      ? info(
          `Kept the external IDs: ${plural(missing, 'customer')} ${missing === 1 ? 'has' : 'have'} none, and the preview will list them.`,
        )
      : ok('Every customer has an external ID.');
  }

  private async download(wizard: ExportWizard): Promise<undefined> {
    const made = wizard.download();
    if (!made.ok) return this.done(fail(made.problem.message));
    this.busy = true;
    this.done(info(`Writing ${plural(made.value.length, 'file')}…`));
    const written = await this.write(made.value, this.dir);
    if (written.ok) {
      wizard.recordExport();
      this.files = made.value.map((file, i) => ({ name: file.name, path: written.value.paths[i] ?? file.name }));
      this.message = ok(`Wrote ${plural(made.value.length, 'file')} to ${written.value.dir}.`);
    } else {
      this.message = fail(written.problem.message);
    }
    this.busy = false;
    this.publish();
    return undefined;
  }

  /** Records the outcome; a step that moved on starts with its first row selected. */
  private done(message: ExportMessage): undefined {
    this.message = message;
    if (this.current?.step !== this.wizard?.step) this.goTo(0);
    else this.publish();
    return undefined;
  }

  private goTo(selected: number): void {
    this.selected = Math.max(0, selected);
    this.scroll = 0;
    this.publish();
  }

  private fields(): ExportField[] {
    return this.wizard ? stepFields(this.wizard.step, this.wizard.exporter) : [];
  }

  private publish(): void {
    const { wizard, focus } = this;
    if (!wizard || !focus) return;
    const companyIds = [...new Set(wizard.documents.map((d) => d.companyId))];
    const companies = focus.state.companies;
    this.current = {
      step: wizard.step,
      form: this.form,
      documents: wizard.documents.length,
      packages: wizard.packages,
      exporter: wizard.exporter,
      customers: companyIds.length,
      missingIds: companyIds.filter((id) => !companies[id]?.externalId).length,
      cost: wizard.step === 'cost' ? wizard.quote() : wizard.cost,
      preview: wizard.preview,
      files: this.files,
      dir: this.dir,
      selected: this.selected,
      scroll: this.scroll,
      busy: this.busy,
      message: this.message,
    };
    for (const listener of this.listeners) listener();
  }
}
