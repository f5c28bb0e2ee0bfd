import type { EmailLocale } from './format-datetime';

const SEPARATORS: Record<EmailLocale, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' }, // 237.973 ; 1,18
  en: { group: ',', decimal: '.' }, // 237,973 ; 1.18
};

/**
 * Formats a number with the locale's separators, at most `maxFractionDigits` decimals and no
 * trailing zeros: 237973 → "237.973" (id) / "237,973" (en); 345.029 → "345,029" (id).
 * Done by hand so output does not depend on the ICU data Node was built with.
 */
export function formatNumber(value: number, locale: EmailLocale, maxFractionDigits = 3): string {
  if (!Number.isFinite(value)) return '–';
  const { group, decimal } = SEPARATORS[locale];
  const fixed = Math.abs(value).toFixed(maxFractionDigits);
  if (fixed.includes('e')) return String(value); // beyond 1e21, not a realistic figure
  const [intPart, rawFraction = ''] = fixed.split('.');
  const fraction = rawFraction.replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const isZero = /^0*$/.test(intPart + fraction);
  return `${value < 0 && !isZero ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** A percentage given in percent (not as a ratio): 1.1782 → "1,18%" (id) / "1.18%" (en). */
export function formatPercent(percent: number, locale: EmailLocale, maxFractionDigits = 2): string {
  if (!Number.isFinite(percent)) return '–';
  return `${formatNumber(percent, locale, maxFractionDigits)}%`;
}

/** English plurals for the indicator units that are ordinary count nouns; others ("ha", "km") stay. */
const EN_PLURALS: Readonly<Record<string, string>> = {
  unit: 'units',
  house: 'houses',
  household: 'households',
  document: 'documents',
  regulation: 'regulations',
  village: 'villages',
  location: 'locations',
  package: 'packages',
  report: 'reports',
  activity: 'activities',
  hectare: 'hectares',
  kilometre: 'kilometres',
  kilometer: 'kilometers',
  meter: 'meters',
  metre: 'metres',
  person: 'people',
};

function unitFor(unit: string, quantity: number, locale: EmailLocale): string {
  if (locale !== 'en' || quantity === 1) return unit;
  return EN_PLURALS[unit.toLowerCase()] ?? unit;
}

export interface IndicatorValue {
  unit: string;
  baseline?: number;
  target: number;
  achieved?: number;
}

/**
 * Progress against an indicator: "2.804 dari 237.973 unit (1,18%)" / "2,804 of 237,973 units (1.18%)".
 * The percentage is achieved ÷ target. Without a reported achievement:
 * "belum ada capaian dilaporkan (target 237.973 unit)" / "no progress reported yet (target 237,973 units)".
 */
export function formatIndicatorProgress(indicator: IndicatorValue, locale: EmailLocale): string {
  const { target, achieved } = indicator;
  const unit = indicator.unit.trim();
  const targetText = `${formatNumber(target, locale)}${unit ? ` ${unitFor(unit, target, locale)}` : ''}`;
  if (achieved === undefined || achieved === null || !Number.isFinite(achieved)) {
    return locale === 'id'
      ? `belum ada capaian dilaporkan (target ${targetText})`
      : `no progress reported yet (target ${targetText})`;
  }
  const of = locale === 'id' ? 'dari' : 'of';
  const head = `${formatNumber(achieved, locale)} ${of} ${targetText}`;
  if (!Number.isFinite(target) || target <= 0) return head;
  return `${head} (${formatPercent((achieved / target) * 100, locale)})`;
}

/** The baseline with its unit: "120 unit" / "120 units". */
export function formatQuantity(value: number, unit: string, locale: EmailLocale): string {
  const u = unit.trim();
  return `${formatNumber(value, locale)}${u ? ` ${unitFor(u, value, locale)}` : ''}`;
}
