import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DomainError, isRegionCodeShape, provinceOf, zoneOfRegion } from '@tl/domain';

export interface Province { code: string; name: string; timezone: string }
export interface Regency { code: string; name: string; provinceCode: string }

/**
 * Spellings where the data package differs from the official Kemendagri name
 * (Permendagri 100.1.1-6117/2022 writes "Palangka Raya").
 */
const NAME_CORRECTIONS: Record<string, string> = { '62.71': 'Kota Palangka Raya' };

function readCsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split(','));
}

/** The 38 provinces and 514 regencies/cities, from the idn-area-data package, held in memory. */
@Injectable()
export class RegionDirectory {
  readonly provinces: Province[];
  private readonly regenciesByProvince = new Map<string, Regency[]>();
  private readonly names = new Map<string, string>();

  constructor() {
    const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
    this.provinces = readCsv(join(dataDir, 'provinces.csv')).map(([code, name]) => ({ code, name, timezone: zoneOfRegion(code) }));
    for (const province of this.provinces) {
      this.names.set(province.code, province.name);
      this.regenciesByProvince.set(province.code, []);
    }
    for (const [code, provinceCode, rawName] of readCsv(join(dataDir, 'regencies.csv'))) {
      const name = NAME_CORRECTIONS[code] ?? rawName;
      this.regenciesByProvince.get(provinceCode)?.push({ code, name, provinceCode });
      this.names.set(code, name);
    }
  }

  exists(code: string): boolean {
    return this.names.has(code);
  }

  nameOf(code: string | null | undefined): string | null {
    return code ? (this.names.get(code) ?? null) : null;
  }

  regenciesOf(provinceCode: string): Regency[] {
    const regencies = this.regenciesByProvince.get(provinceCode);
    if (!regencies) throw new DomainError('not_found', 'REGION.NOT_FOUND', `no province with code ${provinceCode}`);
    return regencies;
  }

  provinceOf(code: string): Province | undefined {
    return this.provinces.find((p) => p.code === provinceOf(code));
  }

  /** Throws a 400 naming the field when the code is malformed or unknown. */
  assertExists(code: string, field = 'regionCode'): void {
    if (!isRegionCodeShape(code)) {
      throw new DomainError('invalid', 'REGION.MALFORMED', `${field}: "${code}" is not a Kemendagri region code such as 62 or 62.71`);
    }
    if (!this.exists(code)) throw new DomainError('invalid', 'REGION.UNKNOWN', `${field}: no province or regency has code ${code}`);
  }
}
