import { addDays, instantAt, isTimeZone, localTimeOf, weekdayOf } from './zoned-time';

describe('zoned time', () => {
  it('reads the local calendar and clock of a zone', () => {
    expect(localTimeOf(new Date('2025-06-30T22:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2025-07-01',
      minuteOfDay: 30,
    });
    expect(localTimeOf(new Date('2025-01-01T03:15:00Z'), 'America/New_York')).toEqual({
      date: '2024-12-31',
      minuteOfDay: 22 * 60 + 15,
    });
  });

  it('finds the instant of a local time, midnight at the end of the day included', () => {
    expect(instantAt('2025-07-01', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2025-07-01T07:00:00.000Z',
    );
    expect(instantAt('2025-01-15', 24 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2025-01-15T23:00:00.000Z',
    );
    expect(instantAt('2025-07-01', 0, 'UTC').toISOString()).toBe('2025-07-01T00:00:00.000Z');
  });

  it('moves a wall time skipped by the spring change later by the gap', () => {
    expect(instantAt('2025-03-30', 2 * 60 + 30, 'Europe/Berlin').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    expect(instantAt('2025-03-30', 10 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2025-03-30T08:00:00.000Z',
    );
  });

  it('takes the earlier of a wall time shown twice in autumn', () => {
    expect(instantAt('2025-10-26', 2 * 60 + 30, 'Europe/Berlin').toISOString()).toBe(
      '2025-10-26T00:30:00.000Z',
    );
    expect(instantAt('2025-10-26', 10 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2025-10-26T09:00:00.000Z',
    );
  });

  it('steps through the calendar and names weekdays', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(weekdayOf('2025-06-02')).toBe('monday');
    expect(weekdayOf('2025-06-08')).toBe('sunday');
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
