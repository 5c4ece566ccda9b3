const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12); February has 29 when the year is unknown, since 29 February can exist. */
function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface CalendarVerdict {
  valid: boolean;
  reason: string;
}

export function validateCalendarDate(day: number, month: number, year?: number): CalendarVerdict {
  if (month < 1 || month > 12) return { valid: false, reason: `There is no month ${month}.` };
  const limit = daysInMonth(month, year);
  if (day < 1 || day > limit) {
    const which = month === 2 && year !== undefined ? `February ${year}` : MONTH_NAMES[month - 1];
    return { valid: false, reason: `${which} has ${limit} days; day ${day} does not exist.` };
  }
  return { valid: true, reason: 'The date exists.' };
}
