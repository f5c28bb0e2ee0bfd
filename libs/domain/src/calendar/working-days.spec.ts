import {
  OFFICIAL_CALENDARS,
  WorkingCalendar,
  dateHolidaysNationalHolidays,
  nationalHolidays,
  officialNonWorkingDays,
  toLocalDate,
} from './index';

describe('official calendar data', () => {
  it('2026 has the 17 national holidays and 8 cuti bersama of the SKB', () => {
    expect(OFFICIAL_CALENDARS[2026].nationalHolidays).toHaveLength(17);
    expect(OFFICIAL_CALENDARS[2026].cutiBersama).toHaveLength(8);
    const days = officialNonWorkingDays(2026);
    expect(days).toHaveLength(25);
    expect(days.filter((d) => d.source === 'cuti_bersama')).toHaveLength(8);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });

  it('the curated 2026 list takes precedence over date-holidays', () => {
    // date-holidays has Idul Fitri 2026 on 20-21 March and calls 16 January Maulid.
    const raw = dateHolidaysNationalHolidays(2026);
    expect(raw.filter((d) => /Fitri/.test(d.name)).map((d) => d.date)).toEqual(['2026-03-20', '2026-03-21']);

    const national = nationalHolidays(2026);
    expect(national.filter((d) => /Fitri/.test(d.name)).map((d) => d.date)).toEqual(['2026-03-21', '2026-03-22']);
    expect(national.find((d) => d.date === '2026-01-16')?.name).toMatch(/Isra Mikraj/);
    expect(national.every((d) => d.source === 'national')).toBe(true);
  });
});

describe('WorkingCalendar for 2026', () => {
  const calendar = WorkingCalendar.forYears([2026]);

  it('17 August 2026 (a Monday) is not a working day', () => {
    expect(calendar.isWeekend('2026-08-17')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-17')).toBe(false);
    expect(calendar.nonWorkingDay('2026-08-17')).toEqual({
      date: '2026-08-17',
      name: 'Proklamasi Kemerdekaan',
      source: 'national',
    });
  });

  it('Idul Fitri 21-22 March and cuti bersama 20, 23, 24 March are not working days', () => {
    for (const date of ['2026-03-21', '2026-03-22']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
      expect(calendar.nonWorkingDay(date)?.source).toBe('national');
    }
    for (const date of ['2026-03-20', '2026-03-23', '2026-03-24']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
      expect(calendar.nonWorkingDay(date)?.source).toBe('cuti_bersama');
    }
    expect(calendar.isWorkingDay('2026-03-25')).toBe(true);
  });

  it('a plain Wednesday is a working day', () => {
    expect(calendar.isWorkingDay('2026-06-10')).toBe(true);
    expect(calendar.nonWorkingDay('2026-06-10')).toBeUndefined();
  });

  it('Saturday and Sunday are not working days', () => {
    expect(calendar.isWorkingDay('2026-06-13')).toBe(false);
    expect(calendar.isWorkingDay('2026-06-14')).toBe(false);
    expect(calendar.isWeekend('2026-06-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-06-12')).toBe(true);
  });

  it('previous working day on or before', () => {
    expect(calendar.previousWorkingDayOnOrBefore('2026-06-10')).toBe('2026-06-10');
    // Long weekend: Sat 15, Sun 16, Mon 17 August -> Friday 14.
    expect(calendar.previousWorkingDayOnOrBefore('2026-08-17')).toBe('2026-08-14');
    expect(calendar.previousWorkingDayOnOrBefore('2026-08-16')).toBe('2026-08-14');
    // Lebaran 2026: 18 (cuti) 19 (Nyepi) 20 (cuti) 21-22 (Idul Fitri) 23-24 (cuti) -> Tuesday 17.
    expect(calendar.previousWorkingDayOnOrBefore('2026-03-24')).toBe('2026-03-17');
    expect(calendar.nextWorkingDayOnOrAfter('2026-03-18')).toBe('2026-03-25');
  });

  it('admin days are added to the official ones', () => {
    const withAdmin = WorkingCalendar.forYears([2026], [{ date: '2026-06-10', name: 'Pilkada', source: 'admin' }]);
    expect(withAdmin.isWorkingDay('2026-06-10')).toBe(false);
    expect(withAdmin.previousWorkingDayOnOrBefore('2026-06-10')).toBe('2026-06-09');
    // An admin entry on an official day does not relabel it.
    const dup = WorkingCalendar.forYears([2026], [{ date: '2026-08-17', name: 'x', source: 'admin' }]);
    expect(dup.nonWorkingDay('2026-08-17')?.source).toBe('national');
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.isWorkingDay('2026-3-5')).toThrow(/YYYY-MM-DD/);
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => new WorkingCalendar([{ date: '17-08-2026', name: 'x', source: 'admin' }])).toThrow();
  });
});

describe('date-holidays fallback (2027, no curated list)', () => {
  const days = officialNonWorkingDays(2027);
  const calendar = WorkingCalendar.forYears([2027]);

  it('uses date-holidays national holidays only', () => {
    expect(OFFICIAL_CALENDARS[2027]).toBeUndefined();
    expect(days.length).toBeGreaterThan(10);
    expect(days.every((d) => d.source === 'national' && d.date.startsWith('2027-'))).toBe(true);
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
  });

  it('17 August 2027 is not a working day', () => {
    expect(calendar.isWorkingDay('2027-08-17')).toBe(false);
  });

  it('Islamic holidays land on their whole local day, not the evening before', () => {
    // date-holidays: Idul Fitri 2027 'date' '2027-03-09 00:00:00 -0600', start 8 Mar 18:00 WIB.
    const raw = dateHolidaysNationalHolidays(2027);
    expect(raw.filter((d) => /Fitri/.test(d.name)).map((d) => d.date)).toEqual(['2027-03-09', '2027-03-10']);
    expect(calendar.isWorkingDay('2027-03-09')).toBe(false);
    expect(calendar.isWorkingDay('2027-03-10')).toBe(false);
    expect(calendar.isWorkingDay('2027-03-11')).toBe(true);
    // 8 March 2027 is Nyepi (not Idul Fitri): the start instant did not shift a holiday onto it.
    expect(calendar.nonWorkingDay('2027-03-08')?.name).toMatch(/Nyepi/);
    // An isolated one: 5 Jan 2027 (Tuesday) starts 4 Jan 18:00 WIB; Monday 4 Jan stays working.
    expect(calendar.isWorkingDay('2027-01-05')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('two holidays on one date become one non-working day', () => {
    expect(days.filter((d) => d.date === '2027-12-25')).toHaveLength(1);
  });
});

describe('toLocalDate', () => {
  it('uses the given zone', () => {
    const instant = new Date('2026-06-10T16:30:00Z');
    expect(toLocalDate(instant, 'Asia/Jakarta')).toBe('2026-06-10');
    expect(toLocalDate(instant, 'Asia/Makassar')).toBe('2026-06-11');
    expect(() => toLocalDate(instant, 'Asia/Nowhere')).toThrow();
  });
});
