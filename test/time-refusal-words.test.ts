// A time typed at a question and refused is explained in the asker's language: the Chinese questions name the
// same reason as the English message (a day the month lacks, a time the clocks skipped or repeated), not only
// that the text could not be read.
import { describe, expect, it } from 'vitest';
import { cliEn } from '../src/i18n/cli-en.ts';
import { cliZhCN } from '../src/i18n/cli-zh-cn.ts';
import { parseTypedInstant } from '../src/lib/time/written-instants.ts';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const refused = (typed: string, timeZone: string) => {
  const parsed = parseTypedInstant(typed, timeZone, NOW);
  if (!('error' in parsed)) throw new Error(`${typed} was read`);
  return { en: cliEn['time.unreadable'](typed, parsed.error, parsed.refusal), zh: cliZhCN['time.unreadable'](typed, parsed.error, parsed.refusal) };
};

describe('a refused time, in each language', () => {
  it('a day the month does not have', () => {
    const words = refused('2026-02-30 10:00', 'Asia/Shanghai');
    expect(words.en).toBe('found "2026-02-30 10:00", a date that does not exist: February 2026 has 28 days (expected "now", "21:10" (today), "2026-11-25 21:10" (in the site\'s time zone) or 2026-11-25T21:10:00+08:00)');
    expect(words.zh).toBe('不存在的日期或时间“2026-02-30 10:00”：2026 年 2 月只有 28 天（可写 now、21:10（今天）、2026-11-25 21:10（站点时区）或 2026-11-25T21:10:00+08:00）');
  });

  it('a time the clocks skipped in Berlin, with the two instants it may have meant', () => {
    // On 29 March 2026 Berlin's clocks went from 02:00 (UTC+1) straight to 03:00 (UTC+2).
    expect(refused('2026-03-29 02:30', 'Europe/Berlin').zh).toBe('2026-03-29 02:30 在 Europe/Berlin 并不存在（时钟拨快时跳过了这段时间），应为实际存在的时刻，如 2026-03-29T01:30:00+01:00 或 2026-03-29T03:30:00+02:00');
  });

  it('a time the clocks repeated in Berlin, both times named', () => {
    // On 25 October 2026 02:30 came twice: at UTC+2, then at UTC+1.
    expect(refused('2026-10-25 02:30', 'Europe/Berlin').zh).toBe('2026-10-25 02:30 在 Europe/Berlin 出现了两次（时钟拨回），请写带偏移的时刻：第一次为 2026-10-25T02:30:00+02:00，第二次为 2026-10-25T02:30:00+01:00');
  });

  it('24:00 and text that is no time at all', () => {
    expect(refused('24:00', 'Asia/Shanghai').zh).toBe('不存在的日期或时间“24:00”：没有 24:00，午夜是次日 00:00（可写 now、21:10（今天）、2026-11-25 21:10（站点时区）或 2026-11-25T21:10:00+08:00）');
    expect(refused('明天', 'Asia/Shanghai').zh).toBe('无法识别的时间“明天”（可写 now、21:10（今天）、2026-11-25 21:10（站点时区）或 2026-11-25T21:10:00+08:00）');
  });
});
