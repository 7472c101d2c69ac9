// The status order the commands apply and the status they offer next.
import { describe, expect, it } from 'vitest';
import { nextStatus, statusesAfter, statusMoveProblem } from '../src/lib/incidents/incident-lifecycle.ts';

describe('the incident lifecycle', () => {
  it('offers one step forward, through the whole lifecycle', () => {
    expect(nextStatus('detecting', false)).toBe('investigating');
    expect(nextStatus('investigating', false)).toBe('fixing');
    expect(nextStatus('fixing', false)).toBe('monitoring');
    expect(nextStatus('monitoring', false)).toBe('resolved');
    expect(nextStatus('reopened', false)).toBe('fixing');
  });

  it('offers closed after resolved only once the postmortem is published', () => {
    expect(nextStatus('resolved', false)).toBe('resolved');
    expect(nextStatus('resolved', true)).toBe('closed');
    expect(nextStatus('closed', true)).toBe('closed');
  });

  it('allows the same status again and any later one, never an earlier one', () => {
    expect(statusesAfter('fixing')).toEqual(['fixing', 'monitoring', 'resolved', 'closed']);
    expect(statusMoveProblem('fixing', 'investigating')).toBe(
      '"investigating" cannot follow "fixing" (expected statuses to move forward: detecting, investigating, fixing, monitoring, resolved, closed; use "reopened" to go back after resolved)',
    );
  });

  it('allows reopened only after resolved or closed', () => {
    expect(statusesAfter('resolved')).toEqual(['resolved', 'closed', 'reopened']);
    expect(statusesAfter('closed')).toEqual(['closed', 'reopened']);
    expect(statusMoveProblem('monitoring', 'reopened')).toBe('"reopened" cannot follow "monitoring" (expected reopened only after resolved or closed)');
    expect(statusesAfter('reopened')).toEqual(['investigating', 'fixing', 'monitoring', 'resolved', 'closed']);
  });
});
