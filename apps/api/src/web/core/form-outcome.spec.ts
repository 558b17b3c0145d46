import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';

import { answerForm, attempt, errorsOf, refusalInWords } from './form-outcome';
import type { FormFailure } from './form-outcome';

const same = (id: string) => id;

/** A response that records the redirect it was asked for. */
function recordingResponse() {
  const sent: { status?: number; location?: string } = {};
  const response = {
    redirect: (status: number, location: string) => Object.assign(sent, { status, location }),
  } as unknown as Response;
  return { response, sent };
}

describe('a form post answered by the form helper', () => {
  it('goes on (303) to where the action leads when it succeeds', async () => {
    const { response, sent } = recordingResponse();
    const shown: FormFailure[] = [];
    await answerForm(response, await attempt(async () => '/next?notice=saved'), async (failure) => {
      shown.push(failure);
    });
    expect(sent).toEqual({ status: 303, location: '/next?notice=saved' });
    expect(shown).toEqual([]);
  });

  it('does not act on a form with problems, and shows them with 400', async () => {
    let acted = false;
    const problems = [{ field: 'date', problems: ['is required'] }];
    const outcome = await attempt(
      async () => {
        acted = true;
        return '/next';
      },
      { problems },
    );
    expect(acted).toBe(false);
    expect(outcome).toEqual({ failure: { problems, status: 400 } });
  });

  it("turns a refusal's field details into problems, and a refusal without details into one about the form", async () => {
    const details = [{ field: 'email', problems: ['must be an e-mail address'] }];
    const refused = await attempt(async () => {
      throw new BadRequestException({ message: 'Invalid', details });
    });
    expect(refused).toEqual({ failure: { problems: details, status: 400 } });
    const conflict = await attempt(async () => {
      throw new ConflictException('The file changed meanwhile');
    });
    expect(conflict).toEqual({
      failure: { problems: [{ field: 'form', problems: ['The file changed meanwhile'] }], status: 400 },
    });
  });

  it("keeps the refusal's own status when asked to, or answers with the status given", async () => {
    const refuse = async (): Promise<string> => {
      throw new UnprocessableEntityException('Not now');
    };
    expect(await attempt(refuse, { status: 'refusal' })).toMatchObject({ failure: { status: 422 } });
    expect(await attempt(refuse, { status: 409 })).toMatchObject({ failure: { status: 409 } });
  });

  it('lets any other error through to the error page', async () => {
    await expect(
      attempt(async () => {
        throw new NotFoundException('No such file');
      }),
    ).rejects.toBeInstanceOf(NotFoundException);
  });

  it('shows a problem about the whole form on its own, and field problems on their fields', () => {
    const general = errorsOf('en', [{ field: 'form', problems: ['Refused'] }], same, same);
    expect(general).toEqual({
      byField: {},
      summary: [{ href: '#main-content', text: 'Refused' }],
      message: 'Refused',
    });
    const byField = errorsOf('en', [{ field: 'email', problems: ['is required'] }], same, () => 'E-mail');
    expect(byField.byField).toEqual({ email: 'is required' });
    expect(byField.summary).toEqual([{ href: '#email', text: 'E-mail: is required' }]);
  });

  it("puts a refusal in the page's words under the same status", async () => {
    const taken = refusalInWords((refusal) =>
      refusal instanceof ConflictException ? 'Already taken' : null,
    );
    const conflict = await Promise.reject(new ConflictException('exists'))
      .catch(taken)
      .catch((error: unknown) => error);
    expect(conflict).toMatchObject({ message: 'Already taken' });
    expect((conflict as ConflictException).getStatus()).toBe(409);
    const other = new BadRequestException('bad');
    expect(
      await Promise.reject(other)
        .catch(taken)
        .catch((error: unknown) => error),
    ).toBe(other);
  });
});
