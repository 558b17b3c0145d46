import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import { readyDraft } from './support/inspection';

const FILES = 4;
const CONCURRENT = 50;

/**
 * Actions on a received file that exclude each other: once one is taken, none of the others is
 * possible (a request for a supplement is not among them: a file waiting for one may still be withdrawn).
 */
const CONFLICTING = [
  { who: 'clerk', action: 'approve', fields: {} },
  { who: 'clerk', action: 'deny', fields: { reason: 'Không đủ điều kiện' } },
  { who: 'citizen', action: 'withdraw', fields: {} },
] as const;

/**
 * 50 concurrent requests, each trying to close the same received file its own way, on several files
 * at once: exactly one wins per file (200), every other one gets 409, and the event list tells one
 * consistent story.
 */
describe(`${CONCURRENT} concurrent conflicting actions (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let tokens: Record<'citizen' | 'clerk', Tokens>;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    tokens = {
      citizen: await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password),
      clerk: await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password),
    };
  });

  afterAll(() => stack?.stop());

  it('lets exactly one win on each file and keeps each event list consistent', async () => {
    const ids: string[] = [];
    for (let index = 0; index < FILES; index++) {
      const id = await readyDraft(apps, tokens.citizen);
      expect((await apps.act(tokens.citizen, id, 'submit')).status).toBe(200);
      expect((await apps.act(tokens.clerk, id, 'receive')).status).toBe(200);
      ids.push(id);
    }

    const rounds = await Promise.all(
      ids.map((id) =>
        Promise.all(
          Array.from({ length: CONCURRENT }, async (_, index) => {
            const { who, action, fields } = CONFLICTING[index % CONFLICTING.length];
            const answer = await apps.act(tokens[who], id, action, fields);
            return { action, status: answer.status };
          }),
        ),
      ),
    );

    for (const [index, answers] of rounds.entries()) {
      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 409)).toHaveLength(CONCURRENT - 1);

      const file = (await apps.get(tokens.clerk, ids[index])).body;
      const events = file.events!;
      expect(events.map((event) => event.type)).toEqual(['submit', 'receive', winners[0].action]);
      // Each event starts where the one before it ended, and the file is where the last one left it.
      for (let at = 1; at < events.length; at++) expect(events[at].fromState).toBe(events[at - 1].toState);
      expect(file.state).toBe(events.at(-1)!.toState);
    }
  });
});
