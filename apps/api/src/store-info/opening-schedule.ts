import { addDays, CalendarDate, instantAt, localTimeOf, Weekday, weekdayOf } from './zoned-time';

/** One opening span of a day in minutes after local midnight; `closes` may be 1440 (24:00). */
export interface OpeningSpan {
  opens: number;
  closes: number;
}

/** When a store is open: spans per weekday in its time zone, and whole days it stays closed. */
export interface OpeningSchedule {
  timeZone: string;
  hours: Record<Weekday, OpeningSpan[]>;
  closedDays: CalendarDate[];
}

export interface OpenState {
  openNow: boolean;
  /** The next moment `openNow` flips, and its value from then; null when none is scheduled. */
  nextChange: { at: Date; openNow: boolean } | null;
}

/** How far ahead the next opening is looked for (a store closed for months has none sooner). */
const LOOKAHEAD_DAYS = 400;

interface Interval {
  start: Date;
  end: Date;
  /** The last interval found: it may go on past the lookahead. */
  last?: boolean;
}

/**
 * The opening intervals as instants, in order, from the day before `from`; spans that touch are
 * joined, so a night opening written as 22:00-24:00 and 00:00-02:00 is one interval.
 */
function* openIntervals(schedule: OpeningSchedule, from: CalendarDate): Generator<Interval> {
  const closed = new Set(schedule.closedDays);
  let current: Interval | undefined;
  for (let offset = -1; offset <= LOOKAHEAD_DAYS; offset++) {
    const date = addDays(from, offset);
    if (closed.has(date)) continue;
    for (const span of schedule.hours[weekdayOf(date)]) {
      const start = instantAt(date, span.opens, schedule.timeZone);
      const end = instantAt(date, span.closes, schedule.timeZone);
      if (current && start <= current.end) {
        current = { start: current.start, end: end > current.end ? end : current.end };
        continue;
      }
      if (current) yield current;
      current = { start, end };
    }
  }
  if (current) yield { ...current, last: true };
}

/** Whether the store is open at `now`, and when that changes next. */
export function openStateAt(schedule: OpeningSchedule, now: Date): OpenState {
  const today = localTimeOf(now, schedule.timeZone).date;
  for (const { start, end, last } of openIntervals(schedule, today)) {
    if (end <= now && !last) continue;
    if (start > now) return { openNow: false, nextChange: { at: start, openNow: true } };
    if (end <= now) break;
    return { openNow: true, nextChange: last ? null : { at: end, openNow: false } };
  }
  return { openNow: false, nextChange: null };
}
