import { describe, expect, it } from 'vitest';
import { csvPairExporter } from './csv-pair.js';
import { EXPORTERS, findExporter } from './index.js';
import { ublExporter } from './ubl.js';

describe('R22: the packages the export wizard offers', () => {
  it('R22: the generic CSV pair and Peppol UBL, each with a unique kebab-case id, a name and a description', () => {
    expect(EXPORTERS).toEqual([csvPairExporter, ublExporter]);
    for (const exporter of EXPORTERS) {
      expect(exporter.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(exporter.name.length * exporter.description.length).toBeGreaterThan(0);
    }
    expect(new Set(EXPORTERS.map((e) => e.id)).size).toBe(EXPORTERS.length);
  });

  it('R22: findExporter finds a package by id, and nothing for an unknown id', () => {
    expect(findExporter('generic-csv')).toBe(csvPairExporter);
    expect(findExporter('peppol-ubl')).toBe(ublExporter);
    expect(findExporter('exact-online')).toBeUndefined();
  });
});
