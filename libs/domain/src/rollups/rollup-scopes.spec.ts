import { placesFromHistory, scopesOf } from './rollup-scopes';

const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';

describe('scopesOf', () => {
  it('gives the province, the regency, the program and the province × program of a place', () => {
    expect(scopesOf([{ regionCode: '62.71', programId: P1 }])).toEqual([
      { kind: 'program', key: P1 },
      { kind: 'province', key: '62' },
      { kind: 'province_program', key: `62:${P1}` },
      { kind: 'regency', key: '62.71' },
    ]);
  });

  it('gives only the province for a province-level commitment without a program', () => {
    expect(scopesOf([{ regionCode: '63', programId: null }])).toEqual([{ kind: 'province', key: '63' }]);
  });

  it('lists each row once for several places', () => {
    const scopes = scopesOf([
      { regionCode: '61.71', programId: P1 },
      { regionCode: '61', programId: P1 },
      { regionCode: '62', programId: P2 },
    ]);
    expect(scopes.map((s) => `${s.kind}/${s.key}`)).toEqual([
      `program/${P1}`,
      `program/${P2}`,
      'province/61',
      'province/62',
      `province_program/61:${P1}`,
      `province_program/62:${P2}`,
      'regency/61.71',
    ]);
  });
});

describe('placesFromHistory', () => {
  const agreed = { type: 'CommitmentAgreed', data: { regionCode: '61.71', programId: P1 } };

  it('is the agreed place for a commitment that never moved', () => {
    const history = [agreed, { type: 'ProgressReported', data: { from: 'open', to: 'in_progress' } }];
    expect(placesFromHistory(history, { regionCode: '61.71', programId: P1 })).toEqual([{ regionCode: '61.71', programId: P1 }]);
  });

  it('follows every move, one field at a time', () => {
    const history = [
      agreed,
      { type: 'CommitmentRevised', data: { changes: { regionCode: { from: '61.71', to: '62' } } } },
      { type: 'CommitmentRevised', data: { changes: { programId: { from: P1, to: P2 }, title: { from: 'a', to: 'b' } } } },
      { type: 'CommitmentRevised', data: { changes: { programId: { from: P2, to: null } } } },
    ];
    // The middle place (62, P1) existed only between two events: a row may have counted it there.
    expect(placesFromHistory(history, { regionCode: '62', programId: null })).toEqual([
      { regionCode: '61.71', programId: P1 },
      { regionCode: '62', programId: P1 },
      { regionCode: '62', programId: P2 },
      { regionCode: '62', programId: null },
    ]);
  });

  it('ignores revisions of other fields and still includes where the commitment is now', () => {
    const history = [{ type: 'CommitmentRevised', data: { changes: { title: { from: 'a', to: 'b' } } } }];
    expect(placesFromHistory(history, { regionCode: '63', programId: null })).toEqual([{ regionCode: '63', programId: null }]);
  });

  it('copes with a history that starts with a move (no agreed event at hand)', () => {
    const history = [{ type: 'CommitmentRevised', data: { changes: { regionCode: { from: '63', to: '64' } } } }];
    expect(placesFromHistory(history, { regionCode: '64', programId: P2 })).toEqual([
      { regionCode: '63', programId: P2 },
      { regionCode: '64', programId: P2 },
    ]);
  });
});
