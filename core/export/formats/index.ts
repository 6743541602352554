import type { Exporter } from '../exporter.js';
import { csvPairExporter } from './csv-pair.js';
import { ublExporter } from './ubl.js';

// The bookkeeping programs the export wizard offers (R22). Adding a package: one file exporting an
// `Exporter`, and one line here.

/** Every file format the export can write, in the order the wizard lists them. */
export const EXPORTERS: readonly Exporter[] = [csvPairExporter, ublExporter];

/** The exporter with this id (`--package`), or undefined. */
export function findExporter(id: string): Exporter | undefined {
  return EXPORTERS.find((exporter) => exporter.id === id);
}
