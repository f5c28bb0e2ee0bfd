/**
 * Kemendagri region codes: a province is two digits ("62"), a regency or city adds two more
 * ("62.71"). A province's filter covers its own code and every code below it.
 */
export const PROVINCE_CODE = /^\d{2}$/;
export const REGENCY_CODE = /^\d{2}\.\d{2}$/;

export function isRegionCodeShape(code: string): boolean {
  return PROVINCE_CODE.test(code) || REGENCY_CODE.test(code);
}

export function provinceOf(code: string): string {
  return code.slice(0, 2);
}

export function isProvince(code: string): boolean {
  return PROVINCE_CODE.test(code);
}

/** True when `code` is `scope` itself or lies inside it (a regency inside its province). */
export function isWithin(code: string, scope: string): boolean {
  return code === scope || (isProvince(scope) && code.startsWith(`${scope}.`));
}

/**
 * IANA zone of each province (Kemendagri code). Indonesia has no daylight saving time.
 * WIB: Sumatra, Java, West and Central Kalimantan; WITA: Bali, Nusa Tenggara, South, East and
 * North Kalimantan, Sulawesi; WIT: Maluku and Papua.
 */
export const PROVINCE_ZONES: Readonly<Record<string, string>> = {
  '11': 'Asia/Jakarta', '12': 'Asia/Jakarta', '13': 'Asia/Jakarta', '14': 'Asia/Jakarta', '15': 'Asia/Jakarta',
  '16': 'Asia/Jakarta', '17': 'Asia/Jakarta', '18': 'Asia/Jakarta', '19': 'Asia/Jakarta', '21': 'Asia/Jakarta',
  '31': 'Asia/Jakarta', '32': 'Asia/Jakarta', '33': 'Asia/Jakarta', '34': 'Asia/Jakarta', '35': 'Asia/Jakarta',
  '36': 'Asia/Jakarta',
  '61': 'Asia/Pontianak', '62': 'Asia/Pontianak',
  '51': 'Asia/Makassar', '52': 'Asia/Makassar', '53': 'Asia/Makassar', '63': 'Asia/Makassar', '64': 'Asia/Makassar',
  '65': 'Asia/Makassar', '71': 'Asia/Makassar', '72': 'Asia/Makassar', '73': 'Asia/Makassar', '74': 'Asia/Makassar',
  '75': 'Asia/Makassar', '76': 'Asia/Makassar',
  '81': 'Asia/Jayapura', '82': 'Asia/Jayapura', '91': 'Asia/Jayapura', '92': 'Asia/Jayapura', '93': 'Asia/Jayapura',
  '94': 'Asia/Jayapura', '95': 'Asia/Jayapura', '96': 'Asia/Jayapura',
};

/** Officials without a region (central agencies) are on WIB, the capital's zone. */
export const DEFAULT_ZONE = 'Asia/Jakarta';

export function zoneOfRegion(code: string | null | undefined): string {
  if (!code) return DEFAULT_ZONE;
  return PROVINCE_ZONES[provinceOf(code)] ?? DEFAULT_ZONE;
}

export function zoneAbbreviation(zone: string): 'WIB' | 'WITA' | 'WIT' {
  if (zone === 'Asia/Makassar') return 'WITA';
  if (zone === 'Asia/Jayapura') return 'WIT';
  return 'WIB';
}
