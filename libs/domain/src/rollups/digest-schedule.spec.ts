import { digestPeriod, digestSlot, dueDigestSlot } from './digest-schedule';

const MONDAY_7 = { weekday: 'mon' as const, sendAt: '07:00' };

describe('digestSlot', () => {
  it('is Monday 07:00 in the recipient zone', () => {
    // Wednesday 11 March 2026, 10:00 WIB
    const slot = digestSlot(new Date('2026-03-11T03:00:00Z'), 'Asia/Jakarta', MONDAY_7);
    expect(slot).toEqual({ weekStart: '2026-03-09', at: new Date('2026-03-09T00:00:00Z') });
    expect(digestSlot(new Date('2026-03-11T03:00:00Z'), 'Asia/Makassar', MONDAY_7).at).toEqual(new Date('2026-03-08T23:00:00Z'));
    expect(digestSlot(new Date('2026-03-11T03:00:00Z'), 'Asia/Jayapura', MONDAY_7).at).toEqual(new Date('2026-03-08T22:00:00Z'));
  });

  it('places the week by local date: Sunday 16:30 UTC is already Monday in Jayapura', () => {
    expect(digestSlot(new Date('2026-03-08T16:30:00Z'), 'Asia/Jayapura', MONDAY_7).weekStart).toBe('2026-03-09');
    expect(digestSlot(new Date('2026-03-08T16:30:00Z'), 'Asia/Jakarta', MONDAY_7).weekStart).toBe('2026-03-02');
  });

  it('follows another weekday and time', () => {
    expect(digestSlot(new Date('2026-03-11T03:00:00Z'), 'Asia/Jakarta', { weekday: 'fri', sendAt: '16:30' }).at).toEqual(new Date('2026-03-13T09:30:00Z'));
  });
});

describe('dueDigestSlot', () => {
  it('is due from Monday 07:00 local for a while, not before and not days later', () => {
    expect(dueDigestSlot(new Date('2026-03-08T23:59:00Z'), 'Asia/Jakarta', MONDAY_7)).toBeNull(); // 06:59 WIB
    expect(dueDigestSlot(new Date('2026-03-09T00:00:00Z'), 'Asia/Jakarta', MONDAY_7)?.weekStart).toBe('2026-03-09');
    expect(dueDigestSlot(new Date('2026-03-09T00:40:00Z'), 'Asia/Jakarta', MONDAY_7)?.weekStart).toBe('2026-03-09');
    expect(dueDigestSlot(new Date('2026-03-11T03:00:00Z'), 'Asia/Jakarta', MONDAY_7)).toBeNull();
  });

  it('is due an hour earlier in WITA than in WIB', () => {
    const at = new Date('2026-03-08T23:15:00Z'); // 07:15 WITA, 06:15 WIB
    expect(dueDigestSlot(at, 'Asia/Makassar', MONDAY_7)).not.toBeNull();
    expect(dueDigestSlot(at, 'Asia/Jakarta', MONDAY_7)).toBeNull();
  });
});

describe('digestPeriod', () => {
  it('is the seven days before the send time', () => {
    const end = new Date('2026-03-09T00:00:00Z');
    expect(digestPeriod(end)).toEqual({ start: new Date('2026-03-02T00:00:00Z'), end });
  });
});
