import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CalendarController } from './calendar.controller';
import { CALENDAR_SNAPSHOT, loadCalendarFor } from './calendar.snapshot';

@Module({
  controllers: [CalendarController],
  providers: [
    {
      provide: CALENDAR_SNAPSHOT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadCalendarFor(config),
    },
  ],
  exports: [CALENDAR_SNAPSHOT],
})
export class CalendarModule {}
