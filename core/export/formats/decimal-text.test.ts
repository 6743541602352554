import { describe, expect, it } from 'vitest';
import { formatEuros, formatPercent, formatQuantity, parseEuros } from './decimal-text.js';

describe('amounts, quantities and rates in the export files', () => {
  it('cents are written as euros with two decimals and a dot, and read back exactly', () => {
    expect([0, -0, 5, -5, 1_234, -123_456_789].map(formatEuros)).toEqual(['0.00', '0.00', '0.05', '-0.05', '12.34', '-1234567.89']);
    expect(['0.00', '0.05', '-0.05', '12.34', '-1234567.89'].map(parseEuros)).toEqual([0, 5, -5, 1_234, -123_456_789]);
    expect(() => formatEuros(0.5)).toThrow('formatEuros needs whole cents');
  });

  it('anything but euros with two decimals and a dot is not read as an amount', () => {
    expect(['12,34', '12.3', '12', '1e3', ' 1.00', '+1.00', ''].map(parseEuros)).toEqual([null, null, null, null, null, null, null]);
  });

  it('quantities and rates are plain decimals, never exponent notation', () => {
    expect([0.29, 3, -1.5, 1e-7, -2.5e-8, 1e21, 1.5e22].map(formatQuantity)).toEqual([
      '0.29',
      '3',
      '-1.5',
      '0.0000001',
      '-0.000000025',
      '1000000000000000000000',
      '15000000000000000000000',
    ]);
    expect([2100, 600, 550, 0, 1].map(formatPercent)).toEqual(['21', '6', '5.5', '0', '0.01']);
  });
});
