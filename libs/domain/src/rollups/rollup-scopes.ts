import { provinceOf, REGENCY_CODE } from '../regions/region-code';

/**
 * The read models of the roll-ups. A province row counts its own commitments and all of its
 * regencies'; a regency row only its own; a program row every commitment of the program; a
 * province × program row the province's commitments of one program.
 */
export const SCOPE_KINDS = ['province', 'regency', 'program', 'province_program'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface Scope {
  kind: ScopeKind;
  /** '62', '62.71', a program id, or '62:<program id>'. */
  key: string;
}

/** Where a commitment is counted: its region and program. */
export interface Place {
  regionCode: string;
  programId: string | null;
}

export function provinceProgramKey(provinceCode: string, programId: string): string {
  return `${provinceCode}:${programId}`;
}

export function scopeId(scope: Scope): string {
  return `${scope.kind}/${scope.key}`;
}

/** Every row a commitment in one of these places counts in, each once, in a stable order. */
export function scopesOf(places: Iterable<Place>): Scope[] {
  const scopes = new Map<string, Scope>();
  const add = (kind: ScopeKind, key: string) => scopes.set(scopeId({ kind, key }), { kind, key });
  for (const { regionCode, programId } of places) {
    const province = provinceOf(regionCode);
    add('province', province);
    if (REGENCY_CODE.test(regionCode)) add('regency', regionCode);
    if (programId) {
      add('program', programId);
      add('province_program', provinceProgramKey(province, programId));
    }
  }
  // Sorted, so that two workers locking the same rows always lock them in the same order.
  return [...scopes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

export interface HistoryEvent {
  type: string;
  data: Record<string, unknown>;
}

type Change = { from?: unknown; to?: unknown } | undefined;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Every place a commitment has been in, from its history plus where it is now. A roll-up row may
 * have counted the commitment in any of them; recomputing all of them (not only the one an event
 * names) keeps the rows right when events arrive late, twice, or out of order.
 */
export function placesFromHistory(events: Iterable<HistoryEvent>, current?: Place): Place[] {
  const places = new Map<string, Place>();
  const add = (p: Place) => {
    if (p.regionCode) places.set(`${p.regionCode}|${p.programId ?? ''}`, p);
  };
  let state: Place | undefined;
  for (const event of events) {
    if (event.type === 'CommitmentAgreed') {
      const regionCode = text(event.data.regionCode);
      if (regionCode) {
        state = { regionCode, programId: text(event.data.programId) };
        add(state);
      }
    } else if (event.type === 'CommitmentRevised') {
      const changes = (event.data.changes ?? {}) as Record<string, Change>;
      const region = changes.regionCode;
      const program = changes.programId;
      if (!region && !program) continue;
      const before: Place = state ?? {
        regionCode: text(region?.from) ?? current?.regionCode ?? '',
        programId: program ? text(program.from) : (current?.programId ?? null),
      };
      add(before);
      state = {
        regionCode: region ? (text(region.to) ?? before.regionCode) : before.regionCode,
        programId: program ? text(program.to) : before.programId,
      };
      add(state);
    }
  }
  if (current) add(current);
  return [...places.values()];
}
