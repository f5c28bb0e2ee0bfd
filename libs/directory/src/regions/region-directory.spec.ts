import { RegionDirectory } from './region-directory';

describe('RegionDirectory', () => {
  const regions = new RegionDirectory();

  it('holds the 38 provinces, each with its zone', () => {
    expect(regions.provinces).toHaveLength(38);
    expect(regions.provinces.find((p) => p.code === '62')).toEqual({ code: '62', name: 'Kalimantan Tengah', timezone: 'Asia/Pontianak' });
    expect(regions.provinces.find((p) => p.code === '63')?.timezone).toBe('Asia/Makassar');
    expect(regions.provinces.find((p) => p.code === '96')?.timezone).toBe('Asia/Jayapura');
  });

  it('holds the 514 regencies and cities under their provinces', () => {
    const total = regions.provinces.reduce((sum, p) => sum + regions.regenciesOf(p.code).length, 0);
    expect(total).toBe(514);
    expect(regions.regenciesOf('62')).toContainEqual({ code: '62.71', name: 'Kota Palangka Raya', provinceCode: '62' });
  });

  it('refuses malformed and unknown codes, naming the field', () => {
    expect(() => regions.assertExists('99', 'regionCode')).toThrow(/regionCode: no province or regency has code 99/);
    expect(() => regions.assertExists('62.7', 'regionCode')).toThrow(/regionCode: "62.7" is not a Kemendagri region code/);
    expect(() => regions.regenciesOf('00')).toThrow(/no province with code 00/);
  });
});
