import type { StaffRole } from '@mash/contracts';
import type { CheckView, MashRecordResponse } from './dto/mash-record.response';
import type { MashRecord } from './mash-record.entity';
import type { RecordCheck } from './record-check.entity';
import { itemsAsSeenBy } from './mash-only-redaction';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function checkAsSeenBy(check: RecordCheck, roles: readonly StaffRole[]): CheckView {
  const response = check.response;
  return {
    checkId: check.checkId,
    agency: check.agency,
    status: check.status,
    requestedAt: check.requestedAt.toISOString(),
    dueAt: iso(check.dueAt),
    respondedAt: iso(check.respondedAt),
    response: response
      ? {
          rag: response.rag,
          analysis: response.analysis,
          noTrace: response.noTrace,
          matches: response.matches,
          items: itemsAsSeenBy(response.items, check.agency, roles),
          respondedBy: response.respondedBy,
          partial: response.partial === true,
          awaiting: response.awaiting ?? [],
        }
      : null,
  };
}

/** The MASH record (API.md shape) as someone holding these roles may see it. */
export function recordAsSeenBy(
  record: MashRecord,
  checks: readonly RecordCheck[],
  roles: readonly StaffRole[],
): MashRecordResponse {
  const contact = record.contact;
  return {
    contactId: record.contactId,
    reference: record.reference,
    status: record.status,
    receivedAt: record.receivedAt.toISOString(),
    contact: {
      referrer: contact.referrer,
      children: contact.children,
      adults: contact.adults ?? [],
      concern: contact.concern,
      consent: contact.consent,
      source: contact.source,
      channel: contact.channel,
      requestType: contact.requestType,
    },
    screening: {
      route: record.screening.route,
      socialCareIndex: record.screening.socialCareIndex,
      rationale: record.screening.rationale,
      screenedAt: record.screening.screenedAt,
    },
    rag: {
      rating: record.ragRating,
      setAt: record.ragSetAt.toISOString(),
      setBy: record.ragSetBy,
      reason: record.ragReason,
    },
    deadlines: {
      checksDueAt: iso(record.checksDueAt),
      decisionDueAt: iso(record.decisionDueAt),
      feedbackDueAt: iso(record.feedbackDueAt),
    },
    checks: checks.map((check) => checkAsSeenBy(check, roles)),
    decision:
      record.outcome && record.decidedBy && record.decidedAt
        ? {
            outcome: record.outcome,
            rationale: record.rationale ?? '',
            feedbackToReferrer: record.feedbackToReferrer,
            decidedBy: record.decidedBy,
            decidedAt: record.decidedAt.toISOString(),
            signedOffBy: record.signedOffBy,
          }
        : null,
    feedbackSentAt: iso(record.feedbackSentAt),
  };
}
