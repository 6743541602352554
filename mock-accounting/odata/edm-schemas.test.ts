import { describe, expect, it } from 'vitest';
import { EDM_INPUT, EDM_OUTPUT } from './edm-schemas.js';
import { formatValue } from './edm.js';

const accepts = (type: keyof typeof EDM_INPUT, value: unknown) => {
  const parsed = EDM_INPUT[type].safeParse(value);
  return parsed.success ? parsed.data : 'refused';
};

describe('EDM values in a request body', () => {
  it('convert as clients send them: numeric strings, ISO and WCF dates, GUIDs with braces', () => {
    expect(accepts('Int32', ' 42 ')).toBe(42);
    expect(accepts('Int16', 32_768)).toBe('refused');
    expect(accepts('Double', '100.50')).toBe(100.5);
    expect(accepts('Double', 1e13)).toBe('refused');
    expect(accepts('DateTime', '2026-03-02')).toBe(Date.UTC(2026, 2, 2));
    expect(accepts('DateTime', '/Date(1641034800000)/')).toBe(1641034800000);
    expect(accepts('DateTime', '2026-02-30')).toBe('refused');
    expect(accepts('Guid', '{0A1B2C3D-0000-4000-8000-000000000001}')).toBe('0a1b2c3d-0000-4000-8000-000000000001');
    expect(accepts('Guid', 'not-a-guid')).toBe('refused');
    expect(accepts('String', null)).toBe(null);
    expect(accepts('Boolean', 'true')).toBe('refused');
  });
});

describe('EDM values as the API writes them', () => {
  it('fit the output schemas the document is written from', () => {
    expect(EDM_OUTPUT.DateTime.safeParse(formatValue('DateTime', 1641034800000)).success).toBe(true);
    expect(EDM_OUTPUT.DateTime.safeParse('2026-03-02').success).toBe(false);
    expect(EDM_OUTPUT.Guid.safeParse('0A1B2C3D-0000-4000-8000-000000000001').success).toBe(false);
  });
});
