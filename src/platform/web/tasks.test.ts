import { describe, expect, it } from 'vitest';
import { byUrgency, type Task, urgencyOf } from './tasks.ts';

// Where a task's date stands, and the order the home page lists tasks in: most urgent first.

describe('urgencyOf', () => {
  it.each([
    { due: null, urgency: 'later', why: 'no date: waiting' },
    { due: '2026-11-20', urgency: 'overdue', why: 'before today' },
    { due: '2026-11-23', urgency: 'today', why: 'today' },
    { due: '2026-11-25', urgency: 'soon', why: 'within the warning period' },
    { due: '2026-11-30', urgency: 'soon', why: 'on its last day' },
    { due: '2026-12-01', urgency: 'later', why: 'after it' },
  ] as const)('$due is $urgency ($why)', ({ due, urgency }) => {
    expect(urgencyOf(due, '2026-11-23', '2026-11-30')).toBe(urgency);
  });
});

describe('byUrgency', () => {
  const task = (title: string, urgency: Task['urgency'], due: string | null, count = 1): Task => ({
    module: 'test',
    title,
    count,
    due,
    href: '/',
    urgency,
  });

  it('puts alerts, then overdue, today, soon and later; earliest first; nothing with no count', () => {
    const sorted = byUrgency([
      task('later, no date', 'later', null),
      task('later, dated', 'later', '2027-01-01'),
      task('soon', 'soon', '2026-11-25'),
      task('none waiting', 'overdue', '2026-11-01', 0),
      task('overdue, recent', 'overdue', '2026-11-20'),
      task('overdue, oldest', 'overdue', '2026-11-02'),
      task('today', 'today', '2026-11-23'),
      task('alert', 'now', '2026-11-23'),
    ]);
    expect(sorted.map((t) => t.title)).toEqual([
      'alert',
      'overdue, oldest',
      'overdue, recent',
      'today',
      'soon',
      'later, dated',
      'later, no date',
    ]);
  });
});
