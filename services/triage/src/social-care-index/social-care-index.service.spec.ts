import { ManualClock, ValidationFailedError } from '@mash/platform';
import type { DataSource } from 'typeorm';
import { SocialCareIndexService } from './social-care-index.service';

function newTestService() {
  const transaction = jest.fn().mockResolvedValue(0);
  const service = new SocialCareIndexService({ transaction } as unknown as DataSource, new ManualClock());
  return { service, transaction };
}
const line = (recordId: string, dateOfBirth: string) =>
  JSON.stringify({ recordId, givenName: 'Amelia', familyName: 'Example', dateOfBirth, status: 'closed' });

describe('social care index import', () => {
  it('answers a bad date on line 3 with a 400 naming line 3 and dateOfBirth, and stores nothing', async () => {
    const { service, transaction } = newTestService();
    const body = [line('A', '2016-01-01'), line('B', '2016-01-02'), line('C', '2016-13-01')].join('\n');
    const failure = await service.import(body).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationFailedError);
    expect((failure as ValidationFailedError).status).toBe(400);
    expect((failure as ValidationFailedError).violations).toEqual([
      expect.objectContaining({ line: 3, field: 'dateOfBirth', rule: 'isCalendarDate' }),
    ]);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('stores a valid import in one transaction', async () => {
    const { service, transaction } = newTestService();
    transaction.mockResolvedValue(2);
    await expect(
      service.import([line('A', '2016-01-01'), line('B', '2016-01-02')].join('\n')),
    ).resolves.toEqual({ imported: 2 });
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('answers 415 when the body did not arrive as NDJSON text', async () => {
    const { service, transaction } = newTestService();
    await expect(service.import({ recordId: 'A' })).rejects.toMatchObject({ status: 415 });
    expect(transaction).not.toHaveBeenCalled();
  });
});
