import type {
  Agency,
  AwaitedInformation,
  CheckMatch,
  CheckResponded,
  FieldViolation,
  ItemClassification,
  MatchConfidence,
  RagRating,
} from '@mash/contracts';
import type { AgencyRecordKinds, FactDetails } from '../agency-node.definition';
import { DISTINCTIVE_SENTENCE_MIN_WORDS, normaliseForComparison, quotesMashOnlyItem } from '@mash/contracts';
import { effectiveClassification } from '../records/fact-classification';
import type { CandidateReview } from './check-candidate.entity';
import type { StoredCheckItem } from './check-response.entity';

/** What a practitioner sends (API.md, `POST /checks/{checkId}/response`). */
export interface PractitionerResponseInput {
  rag: RagRating;
  analysis: string;
  noTrace: boolean;
  matchedRecordIds: readonly string[];
  items: readonly {
    summary: string;
    classification: ItemClassification;
    recordId?: string | null;
    subjectId?: string | null;
    factId?: string | null;
  }[];
  partial?: boolean;
  awaiting?: readonly AwaitedInformation[];
}

export interface PractitionerResponseContext {
  check: {
    checkId: string;
    contactId: string;
    agency: Agency;
    subjects: readonly { subjectId: string }[];
  };
  /** Every candidate of the check with its review. */
  candidates: readonly {
    subjectId: string;
    recordId: string;
    confidence: MatchConfidence;
    review: CandidateReview;
  }[];
  /** The facts held on the records the practitioner named (those are the only ones an item may come from). */
  facts: readonly {
    factId: string;
    recordId: string;
    kind: string;
    classification: ItemClassification;
    details?: FactDetails | null;
    /** The fact's text: what an analysis or a shareable item must not quote when the fact is mash-only. */
    summary?: string;
  }[];
  recordKinds: AgencyRecordKinds;
  respondedAt: Date;
  /** The practitioner's id (the token's subject). */
  respondedBy: string;
}

export type VettedResponse =
  | { ok: true; response: CheckResponded; storedItems: StoredCheckItem[] }
  | { ok: false; violations: FieldViolation[] };

/**
 * A practitioner's answer, checked against what the node proposed and the practitioner confirmed.
 * The golden rules of information sharing ask for what is necessary, proportionate and relevant, so:
 * - every matched record is a candidate of this check that a practitioner has confirmed;
 * - "no trace" exactly when no record is matched;
 * - every item is about a matched record (and, when it names one, a fact of that record and the
 *   subject the record was confirmed for); an item written from a mash-only fact stays mash-only;
 * - the answer carries exactly the records and items the practitioner chose, nothing added;
 * - a partial answer says what is still awaited, from whom and since when (Northamptonshire stage 2);
 *   a complete one awaits nothing.
 * Every broken rule is reported, each naming its field; the messages carry no ids, names or text.
 */
export function vetPractitionerResponse(
  input: PractitionerResponseInput,
  context: PractitionerResponseContext,
): VettedResponse {
  const violations: FieldViolation[] = [];
  const report = (field: string, rule: string, message: string) =>
    violations.push({ field, rule, message: `${field} ${message}` });

  const subjectOrder = new Map(context.check.subjects.map((subject, index) => [subject.subjectId, index]));
  const confirmed = context.candidates
    .filter((candidate) => candidate.review === 'confirmed')
    .sort((a, b) => (subjectOrder.get(a.subjectId) ?? 0) - (subjectOrder.get(b.subjectId) ?? 0));
  const confirmedFor = (recordId: string) => confirmed.filter((candidate) => candidate.recordId === recordId);

  const matchedRecordIds: string[] = [];
  input.matchedRecordIds.forEach((recordId, index) => {
    if (!confirmedFor(recordId).length) {
      report(
        `matchedRecordIds[${index}]`,
        'isConfirmedCandidate',
        'is not a record a practitioner has confirmed for this check; confirm the candidate first',
      );
    } else matchedRecordIds.push(recordId);
  });
  const matched = new Set(input.matchedRecordIds);

  if (input.noTrace !== (input.matchedRecordIds.length === 0)) {
    report('noTrace', 'agreesWithMatches', 'must be true when no record is matched, and false when one is');
  }
  if (!input.matchedRecordIds.length && input.items.length) {
    report('items', 'isEmpty', 'must be empty when no record is matched: an item is about a matched record');
  }

  const facts = new Map(context.facts.map((fact) => [fact.factId, fact]));
  const itemisedFacts = new Map<string, number>();
  const storedItems: StoredCheckItem[] = [];
  input.items.forEach((item, index) => {
    const at = `items[${index}]`;
    const fact = item.factId ? facts.get(item.factId) : undefined;
    let recordId = item.recordId ?? fact?.recordId ?? null;
    if (recordId === null) {
      if (matched.size === 1) recordId = [...matched][0];
      else if (matched.size > 1)
        report(`${at}.recordId`, 'isDefined', 'is required when more than one record is matched');
    } else if (!matched.has(recordId)) {
      report(`${at}.recordId`, 'isMatchedRecord', 'must be one of matchedRecordIds');
      recordId = null;
    }

    if (item.factId) {
      if (!fact || (recordId !== null && fact.recordId !== recordId)) {
        report(`${at}.factId`, 'isFactOfRecord', "must be a fact of the item's matched record");
      } else {
        const earlier = itemisedFacts.get(item.factId);
        if (earlier !== undefined) report(`${at}.factId`, 'unique', `repeats items[${earlier}].factId`);
        else itemisedFacts.set(item.factId, index);
        if (
          item.classification === 'shareable' &&
          effectiveClassification(fact, context.recordKinds) === 'mash-only'
        ) {
          report(
            `${at}.classification`,
            'notLessSensitive',
            'must be mash-only: the fact it is written from is mash-only',
          );
        }
      }
    }

    let subjectId = item.subjectId ?? null;
    if (recordId !== null) {
      const subjects = confirmedFor(recordId).map((candidate) => candidate.subjectId);
      if (subjectId === null) subjectId = subjects[0] ?? null;
      else if (!subjects.includes(subjectId))
        report(`${at}.subjectId`, 'isConfirmedSubject', 'must be a subject the record was confirmed for');
    }
    storedItems.push({
      summary: item.summary,
      classification: item.classification,
      recordId,
      subjectId,
      factId: item.factId ?? null,
    });
  });

  // What is mash-only must not travel in what is not: the analysis is read by all MASH staff, and a
  // shareable item leaves the hub. A text that quotes a mash-only fact or item is refused (the same
  // comparison as feedback to a referrer: libs/contracts/src/mash-only-quotation.ts).
  // A summary of a word or three ("incident") is a label, not content: only longer ones are compared.
  const distinctive = (text: string) =>
    normaliseForComparison(text).split(' ').length >= DISTINCTIVE_SENTENCE_MIN_WORDS;
  const mashOnlyFacts = context.facts
    .filter((fact) => fact.summary && effectiveClassification(fact, context.recordKinds) === 'mash-only')
    .map((fact) => fact.summary!)
    .filter(distinctive);
  const mashOnlyItems = input.items
    .filter((item) => item.classification === 'mash-only')
    .map((item) => item.summary)
    .filter(distinctive);
  if (quotesMashOnlyItem(input.analysis, [...mashOnlyFacts, ...mashOnlyItems])) {
    report(
      'analysis',
      'quotesNoMashOnly',
      'must not quote a mash-only fact or item: every MASH worker reads it',
    );
  }
  input.items.forEach((item, index) => {
    if (
      item.classification === 'shareable' &&
      !item.factId &&
      quotesMashOnlyItem(item.summary, mashOnlyFacts)
    )
      report(
        `items[${index}].factId`,
        'namesItsFact',
        'must name the mash-only fact the item is drawn from (and the item is then mash-only)',
      );
  });

  const awaiting = input.awaiting ?? [];
  if (input.partial && !awaiting.length) {
    report('awaiting', 'arrayNotEmpty', 'must say what is still awaited, from whom and since when');
  }
  if (!input.partial && awaiting.length) {
    report('awaiting', 'isEmpty', 'is only for a partial response (partial: true)');
  }
  awaiting.forEach((awaited, index) => {
    if (Date.parse(awaited.since) > context.respondedAt.getTime())
      report(`awaiting[${index}].since`, 'notInFuture', 'must not be in the future');
  });

  if (violations.length) return { ok: false, violations };

  const matches: CheckMatch[] = matchedRecordIds.flatMap((recordId) =>
    confirmedFor(recordId).map(({ subjectId, confidence }) => ({ subjectId, recordId, confidence })),
  );
  const response: CheckResponded = {
    checkId: context.check.checkId,
    contactId: context.check.contactId,
    agency: context.check.agency,
    respondedAt: context.respondedAt.toISOString(),
    rag: input.rag,
    analysis: input.analysis,
    noTrace: input.noTrace,
    matches,
    items: storedItems.map(({ summary, classification, recordId, subjectId }) => ({
      summary,
      classification,
      recordId,
      subjectId,
    })),
    respondedBy: context.respondedBy,
    ...(input.partial ? { partial: true, awaiting: awaiting.map((awaited) => ({ ...awaited })) } : {}),
  };
  return { ok: true, response, storedItems };
}
