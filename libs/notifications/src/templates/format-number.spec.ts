import { formatIndicatorProgress, formatNumber, formatPercent } from './format-number';

describe('formatNumber', () => {
  it('uses Indonesian separators', () => {
    expect(formatNumber(237973, 'id')).toBe('237.973');
    expect(formatNumber(2804, 'id')).toBe('2.804');
    expect(formatNumber(345.029, 'id')).toBe('345,029');
    expect(formatNumber(1234567.5, 'id')).toBe('1.234.567,5');
  });

  it('uses English separators', () => {
    expect(formatNumber(237973, 'en')).toBe('237,973');
    expect(formatNumber(345.029, 'en')).toBe('345.029');
  });

  it('handles small, negative and non-finite values', () => {
    expect(formatNumber(0, 'id')).toBe('0');
    expect(formatNumber(-0.0001, 'id')).toBe('0');
    expect(formatNumber(-1500, 'id')).toBe('-1.500');
    expect(formatNumber(Number.NaN, 'id')).toBe('–');
  });

  it('formats percentages', () => {
    expect(formatPercent(43.62, 'id')).toBe('43,62%');
    expect(formatPercent(43.62, 'en')).toBe('43.62%');
    expect(formatPercent(50, 'id')).toBe('50%');
  });
});

describe('formatIndicatorProgress', () => {
  // RTLH in Kalimantan Selatan: 2,804 of 237,973 recorded units handled
  const rtlh = { unit: 'unit', target: 237973, achieved: 2804 };

  it('reads like the Rakortek report in Bahasa Indonesia', () => {
    expect(formatIndicatorProgress(rtlh, 'id')).toBe('2.804 dari 237.973 unit (1,18%)');
  });

  it('reads naturally in English', () => {
    expect(formatIndicatorProgress(rtlh, 'en')).toBe('2,804 of 237,973 units (1.18%)');
    expect(formatIndicatorProgress({ unit: 'ha', target: 791, achieved: 345.029 }, 'en')).toBe('345.029 of 791 ha (43.62%)');
  });

  it('says when nothing was reported yet, and omits the percentage for a zero target', () => {
    expect(formatIndicatorProgress({ unit: 'dokumen', target: 1 }, 'id')).toBe('belum ada capaian dilaporkan (target 1 dokumen)');
    expect(formatIndicatorProgress({ unit: 'unit', target: 0, achieved: 3 }, 'id')).toBe('3 dari 0 unit');
  });
});
