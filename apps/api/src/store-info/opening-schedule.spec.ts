import { OpeningSchedule, OpeningSpan, openStateAt } from './opening-schedule';
import { Weekday, WEEKDAYS } from './zoned-time';

const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const span = (opens: string, closes: string): OpeningSpan => ({
  opens: at(opens),
  closes: at(closes),
});

const WEEKDAY_HOURS = [span('09:00', '12:30'), span('13:30', '18:00')];

/** Berlin; a lunch break on weekdays; Friday night runs on into Saturday; Sunday closed. */
function schedule(overrides: Partial<OpeningSchedule> = {}): OpeningSchedule {
  const hours = Object.fromEntries(WEEKDAYS.map((day) => [day, WEEKDAY_HOURS])) as Record<
    Weekday,
    OpeningSpan[]
  >;
  hours.friday = [...WEEKDAY_HOURS, span('22:00', '24:00')];
  hours.saturday = [span('00:00', '02:00'), span('10:00', '14:00')];
  hours.sunday = [];
  return { timeZone: 'Europe/Berlin', hours, closedDays: [], ...overrides };
}

/** A local Berlin time in June 2025 (UTC+2): 2025-06-02 is a Monday. */
const berlin = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`);

function stateAt(now: Date, overrides: Partial<OpeningSchedule> = {}) {
  const state = openStateAt(schedule(overrides), now);
  return {
    openNow: state.openNow,
    nextChange: state.nextChange && {
      at: state.nextChange.at.toISOString(),
      openNow: state.nextChange.openNow,
    },
  };
}

const change = (date: string, time: string, openNow: boolean) => ({
  at: berlin(date, time).toISOString(),
  openNow,
});

describe(openStateAt.name, () => {
  it.each([
    ['before opening', '2025-06-02', '08:59', false, change('2025-06-02', '09:00', true)],
    ['at the opening minute', '2025-06-02', '09:00', true, change('2025-06-02', '12:30', false)],
    ['in the morning', '2025-06-02', '11:15', true, change('2025-06-02', '12:30', false)],
    ['during the break', '2025-06-02', '12:30', false, change('2025-06-02', '13:30', true)],
    ['late in the break', '2025-06-02', '13:29', false, change('2025-06-02', '13:30', true)],
    ['in the afternoon', '2025-06-02', '17:59', true, change('2025-06-02', '18:00', false)],
    ['at closing', '2025-06-02', '18:00', false, change('2025-06-03', '09:00', true)],
    [
      'at night, across midnight',
      '2025-06-02',
      '23:59',
      false,
      change('2025-06-03', '09:00', true),
    ],
  ])('on a weekday %s', (_label, date, time, openNow, next) => {
    expect(stateAt(berlin(date, time))).toEqual({ openNow, nextChange: next });
  });

  it('keeps a night opening across midnight as one stretch', () => {
    expect(stateAt(berlin('2025-06-06', '23:30'))).toEqual({
      openNow: true,
      nextChange: change('2025-06-07', '02:00', false),
    });
    expect(stateAt(berlin('2025-06-07', '00:00'))).toEqual({
      openNow: true,
      nextChange: change('2025-06-07', '02:00', false),
    });
    expect(stateAt(berlin('2025-06-07', '02:00'))).toEqual({
      openNow: false,
      nextChange: change('2025-06-07', '10:00', true),
    });
  });

  it('skips a closed Sunday', () => {
    expect(stateAt(berlin('2025-06-07', '14:00'))).toEqual({
      openNow: false,
      nextChange: change('2025-06-09', '09:00', true),
    });
  });

  it('stays closed on a special closing day and opens the day after', () => {
    const closedDays = ['2025-06-03'];
    expect(stateAt(berlin('2025-06-02', '18:30'), { closedDays })).toEqual({
      openNow: false,
      nextChange: change('2025-06-04', '09:00', true),
    });
    expect(stateAt(berlin('2025-06-03', '10:00'), { closedDays })).toEqual({
      openNow: false,
      nextChange: change('2025-06-04', '09:00', true),
    });
  });

  it('ends a night opening at midnight when the next day is a closing day', () => {
    expect(stateAt(berlin('2025-06-06', '23:30'), { closedDays: ['2025-06-07'] })).toEqual({
      openNow: true,
      nextChange: change('2025-06-07', '00:00', false),
    });
  });

  it('knows the winter offset', () => {
    expect(stateAt(new Date('2025-01-06T07:59:00Z'))).toEqual({
      openNow: false,
      nextChange: { at: '2025-01-06T08:00:00.000Z', openNow: true },
    });
  });

  it('has no next change for a store that never opens, or never closes', () => {
    const never = Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as never;
    expect(stateAt(berlin('2025-06-02', '10:00'), { hours: never })).toEqual({
      openNow: false,
      nextChange: null,
    });
    const always = Object.fromEntries(
      WEEKDAYS.map((day) => [day, [span('00:00', '24:00')]]),
    ) as never;
    expect(stateAt(berlin('2025-06-02', '10:00'), { hours: always })).toEqual({
      openNow: true,
      nextChange: null,
    });
  });
});
