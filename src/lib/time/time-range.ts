// A stretch of time between two instants, in epoch milliseconds: the unit every window and range is made of.

export interface TimeRange {
  /** Inclusive. */
  start: number;
  /** Exclusive. */
  end: number;
}
