import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@kassa/common';
import { StoreInfoConfig, storeInfoConfig } from '../config/store-info.config';
import { OpeningSpan, openStateAt } from './opening-schedule';
import { StoreInfoResponseDto, WeekdayHoursDto } from './store-info-response.dto';
import { localTimeOf, WEEKDAYS } from './zoned-time';

function clockTime(minutes: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function weekdayHours(day: string, spans: OpeningSpan[]): WeekdayHoursDto {
  return {
    day,
    hours: spans.map((span) => ({ opens: clockTime(span.opens), closes: clockTime(span.closes) })),
    breaks: spans
      .slice(1)
      .flatMap((span, index) =>
        span.opens > spans[index].closes
          ? [{ from: clockTime(spans[index].closes), to: clockTime(span.opens) }]
          : [],
      ),
  };
}

/** The store's details from configuration, and whether it is open now, by the injected clock. */
@Injectable()
export class StoreInfoService {
  constructor(
    @Inject(storeInfoConfig.KEY) private readonly store: StoreInfoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  describe(): StoreInfoResponseDto {
    const now = this.clock.now();
    const today = localTimeOf(now, this.store.timeZone).date;
    const { openNow, nextChange } = openStateAt(
      {
        timeZone: this.store.timeZone,
        hours: this.store.hours,
        closedDays: this.store.closedDays.map((day) => day.date),
      },
      now,
    );
    return {
      name: this.store.name,
      address: this.store.address,
      phone: this.store.phone,
      email: this.store.email,
      timeZone: this.store.timeZone,
      openingHours: WEEKDAYS.map((day) => weekdayHours(day, this.store.hours[day])),
      closedDays: this.store.closedDays.filter((day) => day.date >= today),
      openNow,
      nextChange: nextChange && { at: nextChange.at.toISOString(), openNow: nextChange.openNow },
    };
  }
}
