import { isRegionCodeShape, isWithin, zoneAbbreviation, zoneOfRegion } from './region-code';

describe('region codes', () => {
  it('recognises province and regency shapes only', () => {
    expect(isRegionCodeShape('62')).toBe(true);
    expect(isRegionCodeShape('62.71')).toBe(true);
    for (const bad of ['6', '627', '62.7', '62.71.01', "62' OR 1=1", '']) expect(isRegionCodeShape(bad)).toBe(false);
  });

  it('puts regencies inside their province and nowhere else', () => {
    expect(isWithin('62.71', '62')).toBe(true);
    expect(isWithin('62', '62')).toBe(true);
    expect(isWithin('63.71', '62')).toBe(false);
    expect(isWithin('62', '62.71')).toBe(false);
  });

  it('gives each province its own zone, regencies their province’s', () => {
    expect(zoneOfRegion('62.71')).toBe('Asia/Pontianak');
    expect(zoneOfRegion('63')).toBe('Asia/Makassar');
    expect(zoneOfRegion('94')).toBe('Asia/Jayapura');
    expect(zoneOfRegion(undefined)).toBe('Asia/Jakarta');
    expect(zoneAbbreviation(zoneOfRegion('61'))).toBe('WIB');
    expect(zoneAbbreviation(zoneOfRegion('73.71'))).toBe('WITA');
    expect(zoneAbbreviation(zoneOfRegion('91'))).toBe('WIT');
  });
});
