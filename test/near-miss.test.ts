// "Did you mean": a typo gets the value it most likely meant; another word gets no suggestion.
import { describe, expect, it } from 'vitest';
import { didYouMean, nearMiss, sameIgnoringCase } from '../src/validation/near-miss.ts';

const STATUSES = ['detecting', 'investigating', 'fixing', 'monitoring', 'resolved', 'closed', 'reopened'];

describe('near misses', () => {
  it('suggests the value a typo meant', () => {
    expect(nearMiss('monitorng', STATUSES)).toBe('monitoring');
    expect(nearMiss('resolvd', STATUSES)).toBe('resolved');
    expect(nearMiss('solved', STATUSES)).toBe('resolved');
    expect(nearMiss('Fixing', STATUSES)).toBe('fixing');
    expect(didYouMean('api-gatway', ['api-gateway', 'auth'])).toBe('did you mean "api-gateway"? ');
    expect(didYouMean('mesage', ['message', 'status'], (flag) => `--${flag}`)).toBe('did you mean --message? ');
  });

  it('says nothing for another word, or for two letters one edit from another level', () => {
    expect(nearMiss('total_outage', ['degraded', 'partial_outage', 'major_outage'])).toBeUndefined();
    expect(nearMiss('P7', ['P0', 'P1', 'P2', 'P3'])).toBeUndefined();
    expect(nearMiss('payments', ['api-gateway', 'auth', 'cache'])).toBeUndefined();
    expect(didYouMean('x', [])).toBe('');
  });

  it('narrows to one edit for ids that differ by a digit', () => {
    const ids = ['INC-20261125-001', 'INC-20261124-001'];
    expect(didYouMean('INC-20261125-01', ids, undefined, 1)).toBe('did you mean "INC-20261125-001"? ');
    expect(didYouMean('INC-20261126-009', ids, undefined, 1)).toBe('');
  });

  it('takes a value written in other capitals as the value', () => {
    expect(sameIgnoringCase('p1', ['P0', 'P1'])).toBe('P1');
    expect(sameIgnoringCase('inc-20261125-001', ['INC-20261125-001'])).toBe('INC-20261125-001');
    expect(sameIgnoringCase('P9', ['P0', 'P1'])).toBeUndefined();
  });
});
