import { answerReplaces } from './record-inbox.service';

const held = (partial: boolean | undefined, respondedAt: string) => ({
  response: partial === undefined ? {} : { partial },
  respondedAt: new Date(respondedAt),
});

describe('whether a later answer replaces the one a check holds', () => {
  it('a complete or updated answer replaces a partial one', () => {
    expect(answerReplaces(held(true, '2024-03-04T11:00:00Z'), { respondedAt: '2024-03-04T15:00:00Z' })).toBe(
      true,
    );
  });

  it('nothing replaces a complete answer, nor an answer stored before partial answers existed', () => {
    expect(answerReplaces(held(false, '2024-03-04T11:00:00Z'), { respondedAt: '2024-03-04T15:00:00Z' })).toBe(
      false,
    );
    expect(
      answerReplaces(held(undefined, '2024-03-04T11:00:00Z'), { respondedAt: '2024-03-04T15:00:00Z' }),
    ).toBe(false);
  });

  it('an answer older than the partial one held, delivered out of order, replaces nothing', () => {
    expect(answerReplaces(held(true, '2024-03-04T11:00:00Z'), { respondedAt: '2024-03-04T10:00:00Z' })).toBe(
      false,
    );
  });
});
