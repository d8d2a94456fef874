import Holidays from 'date-holidays';
import dateHolidaysPackage from 'date-holidays/package.json';
import { dayOfWeek, type Holiday, type UkDivision } from '@app/contracts';

/** The library's GB regions that make up each division of the UK. */
const REGIONS: Record<UkDivision, string[]> = {
  'england-and-wales': ['ENG', 'WLS'],
  scotland: ['SCT'],
  'northern-ireland': ['NIR'],
};

export const HOLIDAY_LIBRARY = `date-holidays ${dateHolidaysPackage.version}`;

/**
 * The bank holidays of each UK division for the years asked, from the maintained date-holidays
 * library. Kept as GOV.UK lists them: the weekday a holiday is kept on. The library also returns
 * the weekend day a substitute replaces (Boxing Day on a Saturday, with its Monday substitute);
 * that day is not a working day anyway, so it is left out, as GOV.UK does.
 */
export function libraryHolidays(years: { first: number; last: number }): Holiday[] {
  const found = new Map<string, Holiday>();
  for (const division of Object.keys(REGIONS) as UkDivision[]) {
    for (const region of REGIONS[division]) {
      const calendar = new Holidays('GB', region, { types: ['public', 'bank'], languages: 'en' });
      for (let year = years.first; year <= years.last; year += 1) {
        for (const h of calendar.getHolidays(year)) {
          const date = h.date.slice(0, 10);
          const weekday = dayOfWeek(date);
          if (weekday === 0 || weekday === 6) continue;
          found.set(`${date} ${division}`, { date, division, title: h.name });
        }
      }
    }
  }
  return [...found.values()];
}
