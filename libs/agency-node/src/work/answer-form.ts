import type { ItemClassification, RagRating } from '@mash/contracts';
import type { FieldMessages } from '@mash/web';
import type { CheckDraftView } from '../checks/dto/check.response';
import type { CheckResponseRequest } from '../checks/dto/check-response.request';

/** One item of the answer form: a draft item the practitioner keeps (or not), edits and classifies. */
export interface AnswerFormItem {
  include: boolean;
  summary: string;
  classification: ItemClassification;
  recordId: string | null;
  subjectId: string | null;
  factId: string | null;
  /** Written from a mash-only fact: it can never be made shareable. */
  mashOnlyFact: boolean;
}

/** The answer in progress, kept in the session until it is sent. */
export interface AnswerForm {
  rag: RagRating | '';
  analysis: string;
  matchedRecordIds: string[];
  items: AnswerFormItem[];
  partial?: boolean;
  awaiting: { what: string; from: string; since: { day: string; month: string; year: string } };
  idempotencyKey?: string;
}

export const ANSWER_MESSAGES: FieldMessages = {
  rag: "Select the agency's RAG rating",
  analysis: 'Enter what the information means for the child (the "so what")',
  'items[].summary': 'Enter what this item tells the MASH, or untick it',
  'items[].classification': 'Select shareable or mash-only',
  'awaiting[].what': 'Enter what you are still waiting for',
  'awaiting[].from': 'Enter who you are waiting for it from',
  'awaiting[].since': 'Enter the date you asked for it, like 27 3 2026, not in the future',
};

export function answerFormFromDraft(draft: CheckDraftView, now: Date): AnswerForm {
  return {
    rag: draft.rag,
    analysis: draft.analysis,
    matchedRecordIds: draft.matchedRecordIds,
    items: draft.items.map((item) => ({
      include: true,
      summary: item.summary,
      classification: item.classification,
      recordId: item.recordId,
      subjectId: item.subjectId,
      factId: item.factId,
      mashOnlyFact: !!item.factId && item.classification === 'mash-only',
    })),
    partial: undefined,
    awaiting: {
      what: '',
      from: '',
      since: {
        day: String(now.getUTCDate()),
        month: String(now.getUTCMonth() + 1),
        year: String(now.getUTCFullYear()),
      },
    },
  };
}

/** What the form posted, over the draft: the draft decides which items exist and which facts are mash-only. */
export function answerFormFromPost(draft: CheckDraftView, body: Record<string, unknown>): AnswerForm {
  const posted = (
    Array.isArray(body.items) ? body.items : Object.values((body.items as object) ?? {})
  ) as Array<Record<string, string> | undefined>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const base = answerFormFromDraft(draft, new Date(0));
  return {
    rag: text(body.rag) as RagRating,
    analysis: text(body.analysis).trim(),
    matchedRecordIds: draft.matchedRecordIds,
    items: base.items.map((item, index) => {
      const given = posted[index] ?? {};
      return {
        ...item,
        include: given.include === 'yes',
        summary: text(given.summary).trim(),
        classification: text(given.classification) as ItemClassification,
      };
    }),
    partial: body.partial === 'yes' ? true : body.partial === 'no' ? false : undefined,
    awaiting: {
      what: text(body.awaitingWhat).trim(),
      from: text(body.awaitingFrom).trim(),
      since: {
        day: text(body['awaitingSince-day']).trim(),
        month: text(body['awaitingSince-month']).trim(),
        year: text(body['awaitingSince-year']).trim(),
      },
    },
  };
}

/** The JSON API's request body, built from the form. */
export function answerRequest(form: AnswerForm): CheckResponseRequest {
  const items = form.items
    .filter((item) => item.include)
    .map((item) => ({
      summary: item.summary,
      classification: item.classification,
      recordId: item.recordId,
      subjectId: item.subjectId,
      factId: item.factId,
    }));
  const request: CheckResponseRequest = {
    rag: form.rag as RagRating,
    analysis: form.analysis,
    noTrace: form.matchedRecordIds.length === 0,
    matchedRecordIds: form.matchedRecordIds,
    items,
    partial: form.partial === true,
  };
  if (form.partial)
    request.awaiting = [
      { what: form.awaiting.what, from: form.awaiting.from, since: sinceIso(form.awaiting.since) },
    ];
  return request;
}

function sinceIso(since: AnswerForm['awaiting']['since']): string {
  const [day, month, year] = [since.day, since.month, since.year].map((part) => Number(part));
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year) || year < 1900) return '';
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return '';
  return date.toISOString();
}
