import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { ActionRule } from './action-table';
import { ACTION_TABLE, fieldsTaken } from './action-table';
import { ACTIONS } from './lifecycle';

const DOC = resolve(__dirname, '../../../../docs/lifecycle.md');

/** The rows between the named table markers of docs/lifecycle.md, as cells without their backticks. */
function documentedRows(name: string): string[][] {
  const text = readFileSync(DOC, 'utf8');
  const table = text.split(`<!-- ${name}:start -->`)[1]!.split(`<!-- ${name}:end -->`)[0]!;
  return table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.replaceAll('`', '').trim()),
    );
}

function cellOf(values: readonly string[], empty: string): string {
  return values.length === 0 ? empty : values.join(', ');
}

function fieldsOf(rule: ActionRule): string {
  const fields = [
    ...(rule.checksFile ? ['the whole form and every mandatory document'] : []),
    ...(rule.checksAnswers ? ['a file for each requested item (online)'] : []),
    ...rule.requires.map((field) => (field === rule.inFuture ? `${field} (later than the action)` : field)),
    ...(rule.requiresOnline ?? []).map((field) => `${field} (online)`),
    ...(rule.requiresOffline ?? []).map((field) => `${field} (offline)`),
  ];
  return cellOf(fields, '');
}

function channelOf(rule: ActionRule): string {
  if (rule.channel?.always) return `always ${rule.channel.always}`;
  if (rule.channel?.clerk) return `${rule.channel.clerk} for a clerk`;
  return '';
}

function setsOf(rule: ActionRule): string {
  const sets = [
    ...(rule.stamps ? [rule.stamps] : []),
    ...Object.entries(rule.sets ?? {}).map(([field, value]) => `${field} = ${String(value)}`),
    ...(rule.keeps ? [rule.keeps] : []),
  ];
  return cellOf(sets, '');
}

function noticeOf(rule: ActionRule): string {
  if (!rule.notice) return '';
  return `${rule.notice.kind}${rule.notice.onlyOnline ? ' (online only)' : ''}${rule.quotes ? ', quoting the fields' : ''}`;
}

const STEP_EFFECTS = {
  first: 'enters step 1',
  next: 'enters the next step',
  earlier: 'enters the earlier step named',
  hold: 'the actor holds the current step',
} as const;

const JOB_NAMES = { intake: 'intake', issue_result_online: 'issuance (online only)' } as const;

describe('docs/lifecycle.md', () => {
  it('states the transition table as the code has it, row by row, with who takes each action on whose files and the fields it takes', () => {
    const fromCode = ACTIONS.map((action) => {
      const { from, to, keepsState, takenBy } = ACTION_TABLE[action];
      return [
        action,
        cellOf(from, '(a new file)'),
        (to === 'same' ? 'unchanged' : to) + (keepsState ? ` (unchanged from ${keepsState.join(', ')})` : ''),
        Object.entries(takenBy)
          .map(([role, whose]) => `${role} (${typeof whose === 'string' ? whose : whose.join(' or ')})`)
          .join(', '),
        cellOf(fieldsTaken(action), 'none'),
      ];
    });
    expect(documentedRows('lifecycle-table')).toEqual(fromCode);
  });

  it('states what each action requires and does as the action table has it, row by row', () => {
    const fromCode = ACTIONS.map((action) => {
      const rule = ACTION_TABLE[action];
      return [
        action,
        fieldsOf(rule),
        channelOf(rule),
        rule.clock ?? '',
        setsOf(rule),
        cellOf(rule.records ?? [], ''),
        rule.document ?? '',
        noticeOf(rule),
        rule.then ? JOB_NAMES[rule.then] : '',
        rule.counts ?? '',
        rule.step ? STEP_EFFECTS[rule.step] : '',
      ];
    });
    expect(documentedRows('action-effects')).toEqual(fromCode);
  });
});
