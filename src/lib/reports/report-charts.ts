// The reports' charts as inline SVG (no script, no request): horizontal bars for counts, month bars against a
// target line for availability. Each chart is a picture of the table printed beside it, which carries the figures
// for screen readers and for copying, so the SVG is labelled with one sentence and hides its own text from them.
import { escapeHtml } from '../feeds/feed-formats.ts';

export interface Bar {
  label: string;
  value: number;
  /** The text at the bar's end (a count, a percentage). */
  valueText: string;
  /** A class for its colour (`severity-0`, `met`, `missed`). */
  className: string;
}


const ROW = 22;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 260;

/** One bar per row, scaled to the largest value (a chart of zeros draws no bars, only the labels and the zeros). */
export function horizontalBarsSvg(bars: readonly Bar[], summary: string): string {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const rows = bars.map((bar, index) => {
    const y = index * ROW + 2;
    const length = max === 0 ? 0 : Math.max(bar.value > 0 ? 2 : 0, Math.round((bar.value / max) * BAR_WIDTH));
    return `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text><rect class="${escapeHtml(bar.className)}" x="${LABEL_WIDTH}" y="${y + 3}" width="${length}" height="${ROW - 8}" rx="2"/><text x="${LABEL_WIDTH + length + 6}" y="${y + 15}">${escapeHtml(bar.valueText)}</text>`;
  });
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(summary)}"><g aria-hidden="true">${rows.join('')}</g></svg>`;
}

export interface MonthBar {
  /** The month's short name. */
  label: string;
  /** Absent for a month with no data: drawn as an empty slot. */
  percent?: number;
  meetsTarget: boolean;
}

/**
 * A service's months as bars from a floor to 100%, with its target as a dashed line: the floor sits as far below
 * the target as the lowest month (at least twice the target's allowance), so a miss is visible at any target.
 */
export function monthBarsSvg(months: readonly MonthBar[], target: number, summary: string): string {
  const lowest = Math.min(target, ...months.flatMap((month) => (month.percent === undefined ? [] : [month.percent])));
  const floor = Math.max(0, Math.min(lowest, target - 2 * (100 - target)) - 0.01);
  const height = 90;
  const slot = 28;
  const width = months.length * slot + 8;
  const scale = (percent: number) => Math.round(((percent - floor) / (100 - floor)) * (height - 20));
  const targetY = height - 16 - scale(target);
  const bars = months.map((month, index) => {
    const x = 4 + index * slot;
    const label = `<text x="${x + slot / 2 - 2}" y="${height - 2}" text-anchor="middle">${escapeHtml(month.label)}</text>`;
    if (month.percent === undefined) return `<rect class="no-data" x="${x + 4}" y="${height - 18}" width="${slot - 10}" height="2"/>${label}`;
    const barHeight = Math.max(2, scale(month.percent));
    return `<rect class="${month.meetsTarget ? 'met' : 'missed'}" x="${x + 4}" y="${height - 16 - barHeight}" width="${slot - 10}" height="${barHeight}" rx="2"/>${label}`;
  });
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(summary)}"><g aria-hidden="true">${bars.join('')}<line class="target" x1="2" x2="${width - 2}" y1="${targetY}" y2="${targetY}"/></g></svg>`;
}
