import type { ExportRecord } from '../focus/export-state.js';
import type { Focus } from '../focus/focus.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { FocusDocument } from '../focus/state.js';
import type { ExportFile, ExportParameters, Exporter } from './exporter.js';
import { generateExternalIds } from './external-ids.js';
import { EXPORTERS, findExporter } from './formats/index.js';
import { documentsInPeriod, type ExportPeriod } from './period.js';
import { exportInput, previewExport, type ExportPreview } from './preview.js';
import { exportCost, payForExport, type ExportCost } from './wallet.js';

/** The steps of the bookkeeping export, in the article's order (R22–R24). */
export const WIZARD_STEPS = ['period', 'package', 'external-ids', 'cost', 'parameters', 'preview', 'file'] as const;

/** A step of the export wizard. */
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** How the export treats customers without an external ID (R18, R20). */
export interface ExternalIdChoice {
  /** "Generate automatically": give customers without one a new sequential ID. */
  generate: boolean;
  /** Start value of generated IDs (100000 by default). */
  startValue?: number;
  /** Go on although the start value would reuse IDs that customers have. */
  confirmReuse?: boolean;
}

/** How the wizard behaves beyond what the product does. */
export interface WizardOptions {
  /**
   * The fix beside the faithful preview: list customers that share an external ID as errors. Off by default,
   * as in the product, where a lowered start value lets the file overwrite customers in the package (R20).
   */
  flagSharedExternalIds?: boolean;
}

/** Called in the wrong order (a bug of the caller, not a domain problem). */
export class WizardStepError extends Error {
  override name = 'WizardStepError';
}

/** The parameters most packages ask for, with the article's advice: VAT on lines, customers exported too (R23). */
export function defaultParameters(exporter: Exporter): ExportParameters {
  return {
    vat: 'lines',
    exportCustomers: true,
    invoiceJournal: 'V1',
    creditNoteJournal: 'V2',
    extra: Object.fromEntries(exporter.parameters.map((p) => [p.name, p.defaultValue])),
  };
}

/**
 * The bookkeeping export wizard (article 004): period, package, manage external IDs, the cost step, the
 * parameters, a preview with errors, and only without errors the file. Each step returns a result; going
 * `back` keeps what was chosen, and paid documents stay paid, so a failed export can be redone for free.
 * @example
 * const wizard = new ExportWizard(focus, 'admin');
 * wizard.choosePeriod({ from: '2026-01-01', to: '2026-03-31' });
 */
export class ExportWizard {
  step: WizardStep = 'period';
  period: ExportPeriod | null = null;
  documents: FocusDocument[] = [];
  exporter: Exporter | null = null;
  cost: ExportCost | null = null;
  parameters: ExportParameters | null = null;
  preview: ExportPreview | null = null;
  files: ExportFile[] = [];

  private readonly flagSharedExternalIds: boolean;

  constructor(
    private readonly focus: Focus,
    private readonly userId: string,
    { flagSharedExternalIds = false }: WizardOptions = {},
  ) {
    this.flagSharedExternalIds = flagSharedExternalIds;
  }

  /** The packages to choose from. */
  get packages(): readonly Exporter[] {
    return EXPORTERS;
  }

  /** Step 1: the period; its booked invoices and credit notes are the selection. */
  choosePeriod(period: ExportPeriod): FocusResult<FocusDocument[]> {
    if (!this.focus.user(this.userId)) return refuse(problems.notFound('user', this.userId));
    const documents = documentsInPeriod(this.focus.state, period);
    if (!documents.ok) return documents;
    Object.assign(this, { period, documents: documents.value, step: 'package' });
    return documents;
  }

  /** Step 2: the bookkeeping program, which decides the file format and its extra parameters. */
  choosePackage(id: string): FocusResult<Exporter> {
    this.expect('package');
    const exporter = findExporter(id);
    if (!exporter)
      return refuse(problems.invalid(`There is no bookkeeping program "${id}": pick one of ${EXPORTERS.map((e) => e.id).join(', ')}.`));
    // Going back to pick another package keeps the common parameters but not the old package's own ones.
    const defaults = defaultParameters(exporter);
    const parameters = this.parameters ? { ...this.parameters, extra: defaults.extra } : defaults;
    Object.assign(this, { exporter, parameters, step: 'external-ids' });
    return done(exporter);
  }

  /** Step 3: manage external IDs; with `generate`, the selection's customers without one get a new ID (R20). */
  manageExternalIds(choice: ExternalIdChoice): FocusResult<{ generated: number; firstId: string | null; missing: number }> {
    this.expect('external-ids');
    let generated = 0;
    let firstId: string | null = null;
    if (choice.generate) {
      const companyIds = [...new Set(this.documents.map((d) => d.companyId))];
      const result = generateExternalIds(this.focus, this.userId, {
        startValue: choice.startValue,
        confirmReuse: choice.confirmReuse,
        companyIds,
      });
      if (!result.ok) return result;
      generated = result.value.assigned.length;
      firstId = result.value.assigned[0]?.externalId ?? null;
    }
    const missing = new Set(this.documents.map((d) => d.companyId).filter((id) => !this.focus.state.companies[id]?.externalId)).size;
    this.step = 'cost';
    return done({ generated, firstId, missing });
  }

  /** What the cost step will charge, before paying. */
  quote(): ExportCost {
    return exportCost(this.focus.state, this.documents);
  }

  /** Step 4: pays EUR 0.12 per document not paid before; too little in the wallet charges nothing (R22). */
  pay(): FocusResult<ExportCost> {
    this.expect('cost');
    const cost = payForExport(this.focus, this.documents);
    if (!cost.ok) return cost;
    Object.assign(this, { cost: cost.value, step: 'parameters' });
    return cost;
  }

  /** Step 5: the parameters (R23); moves on to the preview. */
  setParameters(change: Partial<ExportParameters> = {}): ExportPreview {
    this.expect('parameters');
    const current = this.parameters!;
    this.parameters = { ...current, ...change, extra: { ...current.extra, ...change.extra } };
    this.step = 'preview';
    return this.refreshPreview();
  }

  /** Step 6: the preview of customers and documents with their errors, read again from Focus (R24). */
  refreshPreview(input = this.input()): ExportPreview {
    this.expect('preview');
    this.preview = previewExport(this.focus.state, input, this.exporter!, { flagSharedExternalIds: this.flagSharedExternalIds });
    return this.preview;
  }

  /** Step 7: "Next" on the preview: the files, only when the preview shows no errors (R24). Save them, then `recordExport`. */
  download(): FocusResult<ExportFile[]> {
    this.expect('preview');
    const input = this.input();
    const preview = this.refreshPreview(input);
    if (preview.errorCount > 0) return refuse(problems.previewHasErrors(preview.errorCount));
    const files = this.exporter!.write(input);
    Object.assign(this, { files, step: 'file' });
    return done(files);
  }

  /** Records the export in Focus once its files are saved, so a failed write never counts as exported. */
  recordExport(): ExportRecord {
    this.expect('file');
    const record: ExportRecord = {
      id: this.focus.nextId('export'),
      at: new Date(this.focus.clock.now()).toISOString(),
      from: this.period!.from,
      to: this.period!.to,
      exporter: this.exporter!.id,
      documentIds: this.documents.map((d) => d.id),
      files: this.files.map((f) => f.name),
    };
    this.focus.bookkeepingExport.recordExport(record);
    return record;
  }

  /** Goes back one step, keeping the choices made (paid documents stay paid). */
  back(): WizardStep {
    const index = WIZARD_STEPS.indexOf(this.step);
    // The file comes from the preview, which is computed from the parameters: going back from the file lands on them.
    this.step = this.step === 'file' ? 'parameters' : WIZARD_STEPS[Math.max(0, index - 1)]!;
    return this.step;
  }

  private input() {
    return exportInput(this.focus.state, this.documents, this.parameters!, this.focus.clock.today());
  }

  private expect(step: WizardStep): void {
    if (this.step !== step)
      throw new WizardStepError(
        `[booklab] The export wizard is at the ${this.step} step, not at ${step}: call the steps in order (${WIZARD_STEPS.join(' → ')}).`,
      );
  }
}
