import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ContactDetails, ContactReceived, MessageTypes } from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import {
  Clock,
  CLOCK,
  DomainError,
  IDEMPOTENCY_KEY_HEADER,
  requestHash,
  ValidationFailedError,
} from '@mash/platform';
import { Contact } from './contact.entity';
import { contactDateViolations } from './contact-dates';
import { contactReference } from './contact-reference';
import type { ContactRecordedResponse } from './dto/contact-recorded.response';

@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records the contact and its `contact.received` in one transaction: either both exist or neither.
   * A repeated submission with the same Idempotency-Key returns the first contact instead of a second.
   */
  async record(details: ContactDetails, idempotencyKey?: string): Promise<ContactRecordedResponse> {
    const receivedAt = this.clock.now();
    const violations = contactDateViolations(details, receivedAt);
    if (violations.length) throw new ValidationFailedError(violations);

    return this.dataSource.transaction(async (manager) => {
      const hash = idempotencyKey ? requestHash(details) : null;
      if (idempotencyKey) {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [idempotencyKey]);
        const earlier = await manager.findOneBy(Contact, { idempotencyKey });
        // Only the same request gets the first contact back: another body under a key (guessed, or
        // reused by mistake) would otherwise learn another contact's id and be told it was recorded.
        if (earlier && earlier.requestHash === hash) return toResponse(earlier);
        if (earlier) throw new IdempotencyKeyReusedError();
      }
      const [{ nextval }] = await manager.query(`SELECT nextval('contact_reference_seq') AS nextval`);
      const contact = manager.create(Contact, {
        id: randomUUID(),
        reference: contactReference(receivedAt, Number(nextval)),
        receivedAt,
        source: details.source,
        channel: details.channel,
        requestType: details.requestType,
        details,
        idempotencyKey: idempotencyKey ?? null,
        requestHash: hash,
      });
      await manager.insert(Contact, contact);
      const message: ContactReceived = {
        ...details,
        contactId: contact.id,
        reference: contact.reference,
        receivedAt: receivedAt.toISOString(),
      };
      await this.outbox.enqueue(manager, {
        type: MessageTypes.ContactReceived,
        correlationId: contact.id,
        body: message,
      });
      return toResponse(contact);
    });
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      'idempotency-key-reused',
      `${IDEMPOTENCY_KEY_HEADER} was used before for a different contact; nothing was recorded`,
      HttpStatus.UNPROCESSABLE_ENTITY,
      [
        {
          field: IDEMPOTENCY_KEY_HEADER,
          rule: 'sameRequest',
          message: `${IDEMPOTENCY_KEY_HEADER} was already used for a different request; use a new key for a new contact`,
        },
      ],
    );
  }
}

function toResponse(contact: Contact): ContactRecordedResponse {
  return {
    contactId: contact.id,
    receivedAt: contact.receivedAt.toISOString(),
    reference: contact.reference,
  };
}
