/** A day of the calendar, `YYYY-MM-DD`. */
export type CalendarDate = string;

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA time zone the runtime knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `timeZone` at `instant`, as if it were UTC: milliseconds since the epoch. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** What the calendar and clock of `timeZone` show at `instant`. */
export function localTimeOf(instant: Date, timeZone: string) {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  return {
    date: wall.toISOString().slice(0, 10) as CalendarDate,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** The day after (or `days` after) a calendar date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: CalendarDate): Weekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}

/**
 * The instant at which `timeZone`'s clock shows `minuteOfDay` (0-1440) on `date`. Around a
 * daylight-saving change it resolves as `java.time` does: a wall time shown twice is its earlier
 * instant; one skipped is moved later by the length of the gap.
 */
export function instantAt(date: CalendarDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MINUTE_MS;
  const offsetAt = (instant: number) => wallClockMs(instant, timeZone) - instant;
  const before = wall - offsetAt(wall - HALF_DAY_MS);
  const after = wall - offsetAt(wall + HALF_DAY_MS);
  const shows = (instant: number) => wallClockMs(instant, timeZone) === wall;
  return new Date(shows(before) || !shows(after) ? before : after);
}
