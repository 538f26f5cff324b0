import type { CheckAnswerView, CheckDetailResponse } from './dto/check.response';

/**
 * What a caller who is not the agency's own practitioner (a hub operator) sees of a check: all of it
 * but the text and details of mash-only facts and items, which only the agency and MASH decision makers
 * may read (DESIGN.md, Sensitive information), and no draft answer. That such an item exists still shows.
 */
export function withholdMashOnly(detail: CheckDetailResponse): CheckDetailResponse {
  return {
    ...detail,
    candidates: detail.candidates.map((candidate) => ({
      ...candidate,
      record: candidate.record && {
        ...candidate.record,
        facts: candidate.record.facts.map((fact) =>
          fact.classification === 'mash-only'
            ? { ...fact, summary: null, details: null, withheld: true }
            : fact,
        ),
      },
    })),
    response: detail.response && withheldAnswer(detail.response),
    responses: detail.responses.map(withheldAnswer),
    previousResponses: detail.previousResponses.map(withheldAnswer),
    draft: null,
  };
}

function withheldAnswer<T extends CheckAnswerView>(answer: T): T {
  return {
    ...answer,
    items: answer.items.map((item) =>
      item.classification === 'mash-only' ? { ...item, summary: null, withheld: true } : item,
    ),
  };
}
