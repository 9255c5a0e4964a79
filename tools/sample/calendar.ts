/** Dates as whole days since 1970-01-01 (UTC), and the fixed time frame of the sample book. */

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date `YYYY-MM-DD`. */
export function day(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

/** ISO `YYYY-MM-DD` of a day number. */
export function iso(d: number): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar year of a day number. */
export function yearOf(d: number): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: number): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** Month 1–12 of a day number. */
export function monthOf(d: number): number {
  return new Date(d * MS_PER_DAY).getUTCMonth() + 1;
}

/** The same month and day `years` later (29 February falls back to the 28th). */
export function anniversary(d: number, years: number): number {
  const date = new Date(d * MS_PER_DAY);
  const y = date.getUTCFullYear() + years;
  const m = date.getUTCMonth();
  const dd = Math.min(date.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  return Math.round(Date.UTC(y, m, dd) / MS_PER_DAY);
}

/** First possible customer_since. */
export const BOOK_START = day("2022-10-01");
/** Last possible customer_since. */
export const LAST_SINCE = day("2026-06-30");
/** The as-of date: the latest date in the data; nothing but renewal_date lies after it. */
export const AS_OF = day("2026-09-30");
/** Product analytics retention: usage is recorded from this day on. */
export const USAGE_START = day("2023-01-01");
/** Lookback L (days before renewal_date) at which the reports read traits and colors. */
export const LOOKBACK = 90;
