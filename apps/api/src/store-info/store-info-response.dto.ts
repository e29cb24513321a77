import { ApiProperty } from '@nestjs/swagger';
import { WEEKDAYS } from './zoned-time';

export class OpeningHoursDto {
  @ApiProperty({ example: '09:00' })
  opens: string;

  @ApiProperty({ example: '12:30', description: '24:00 closes at midnight' })
  closes: string;
}

export class BreakDto {
  @ApiProperty({ example: '12:30' })
  from: string;

  @ApiProperty({ example: '13:30' })
  to: string;
}

export class WeekdayHoursDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'monday' })
  day: string;

  @ApiProperty({ type: [OpeningHoursDto], description: 'Empty on a day the store is closed' })
  hours: OpeningHoursDto[];

  @ApiProperty({ type: [BreakDto], description: 'The gaps between the opening hours of the day' })
  breaks: BreakDto[];
}

export class ClosedDayDto {
  @ApiProperty({ example: '2025-12-25', description: 'A date in the store time zone' })
  date: string;

  @ApiProperty({ type: String, nullable: true, example: 'Christmas Day' })
  reason: string | null;
}

export class NextChangeDto {
  @ApiProperty({ example: '2025-06-02T16:00:00.000Z' })
  at: string;

  @ApiProperty({ example: false, description: 'What openNow becomes at that moment' })
  openNow: boolean;
}

export class StoreInfoResponseDto {
  @ApiProperty({ example: 'Kassa Music' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'Hauptstraße 1, 10115 Berlin' })
  address: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+49 30 1234567' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'shop@kassa.example' })
  email: string | null;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone of every store time' })
  timeZone: string;

  @ApiProperty({ type: [WeekdayHoursDto], description: 'Monday to Sunday' })
  openingHours: WeekdayHoursDto[];

  @ApiProperty({ type: [ClosedDayDto], description: 'Special closing days from today on' })
  closedDays: ClosedDayDto[];

  @ApiProperty({ example: true, description: 'Open at the time of the answer' })
  openNow: boolean;

  @ApiProperty({
    type: NextChangeDto,
    nullable: true,
    description: 'The next opening or closing; null when none is scheduled within a year',
  })
  nextChange: NextChangeDto | null;
}
