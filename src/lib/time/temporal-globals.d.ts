// The part of Temporal (built into the project's Node 26) the project calls; TypeScript 5.9 does not declare it yet.
// Delete this file once TypeScript's own lib declares Temporal.

declare global {
  namespace Temporal {
    interface AssignmentOptions {
      /** `reject` throws a RangeError for a field out of range instead of moving it into range. */
      overflow?: 'constrain' | 'reject';
    }
    interface DateTimeFields {
      year: number;
      month: number;
      day: number;
      hour?: number;
      minute?: number;
      second?: number;
    }
    interface ToZonedOptions {
      /** Which instant a wall-clock time skipped or repeated by a clock change means; `reject` throws a RangeError. */
      disambiguation?: 'compatible' | 'earlier' | 'later' | 'reject';
    }
    class PlainDateTime {
      static from(item: DateTimeFields | string, options?: AssignmentOptions): PlainDateTime;
      toZonedDateTime(timeZone: string, options?: ToZonedOptions): ZonedDateTime;
      equals(other: PlainDateTime): boolean;
      toString(): string;
    }
    class PlainDate {
      toString(): string;
    }
    class ZonedDateTime {
      readonly epochMilliseconds: number;
      readonly year: number;
      readonly hour: number;
      readonly minute: number;
      readonly second: number;
      toPlainDateTime(): PlainDateTime;
      toPlainDate(): PlainDate;
      /** The zone's next or previous change of offset, null when there is none. */
      getTimeZoneTransition(direction: 'next' | 'previous'): ZonedDateTime | null;
    }
    class PlainYearMonth {
      static from(item: { year: number; month: number } | string, options?: AssignmentOptions): PlainYearMonth;
      readonly daysInMonth: number;
    }
    class Instant {
      static from(item: string): Instant;
      static fromEpochMilliseconds(epochMilliseconds: number): Instant;
      readonly epochMilliseconds: number;
      toZonedDateTimeISO(timeZone: string): ZonedDateTime;
    }
  }
}

export {};
