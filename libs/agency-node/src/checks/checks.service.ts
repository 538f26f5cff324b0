import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { NotFoundError } from '@mash/platform';
import { AgencyPerson } from '../records/agency-person.entity';
import { CheckCandidate } from './check-candidate.entity';
import { CheckResponseRecord } from './check-response.entity';
import { Check } from './check.entity';
import type { AgencyRecordView, CheckDetailResponse, CheckSummaryResponse } from './dto/check.response';
import type { ListChecksQuery } from './dto/list-checks.query';

/** What practitioners and operators read about this node's checks. */
@Injectable()
export class ChecksService {
  constructor(private readonly dataSource: DataSource) {}

  /** Soonest due first; checks with no due date after those with one, then the oldest request first. */
  async list(query: ListChecksQuery): Promise<CheckSummaryResponse[]> {
    const builder = this.dataSource
      .getRepository(Check)
      .createQueryBuilder('check')
      .orderBy('check.dueAt', 'ASC', 'NULLS LAST')
      .addOrderBy('check.requestedAt', 'ASC')
      .addOrderBy('check.checkId', 'ASC')
      .take(query.limit ?? 200);
    if (query.status) builder.where('check.status = :status', { status: query.status });
    return (await builder.getMany()).map(toSummary);
  }

  async get(checkId: string): Promise<CheckDetailResponse> {
    const check = isUUID(checkId) ? await this.dataSource.getRepository(Check).findOneBy({ checkId }) : null;
    if (!check) throw new NotFoundError(`check ${isUUID(checkId) ? checkId : ''}`.trim());
    const [candidates, response] = await Promise.all([
      this.dataSource
        .getRepository(CheckCandidate)
        .find({ where: { checkId }, order: { subjectId: 'ASC', recordId: 'ASC' } }),
      this.dataSource.getRepository(CheckResponseRecord).findOneBy({ checkId }),
    ]);
    const people = candidates.length
      ? await this.dataSource.getRepository(AgencyPerson).find({
          where: { recordId: In(candidates.map((candidate) => candidate.recordId)) },
          relations: { facts: true },
        })
      : [];
    const records = new Map(people.map((person) => [person.recordId, toRecordView(person)]));
    // In the order the request named its subjects, so a practitioner reads the child first.
    const subjectOrder = new Map(check.subjects.map((subject, index) => [subject.subjectId, index]));
    candidates.sort((a, b) => (subjectOrder.get(a.subjectId) ?? 0) - (subjectOrder.get(b.subjectId) ?? 0));
    return {
      ...toSummary(check),
      concernSummary: check.concernSummary,
      subjects: check.subjects,
      candidates: candidates.map((candidate) => ({
        subjectId: candidate.subjectId,
        recordId: candidate.recordId,
        confidence: candidate.confidence,
        record: records.get(candidate.recordId) ?? null,
      })),
      response: response && {
        respondedAt: response.respondedAt.toISOString(),
        respondedBy: response.respondedBy,
        rag: response.rag,
        noTrace: response.noTrace,
        analysis: response.analysis,
        matches: response.matches,
        items: response.items.map((item) => ({
          summary: item.summary,
          classification: item.classification,
          recordId: item.recordId ?? null,
          subjectId: item.subjectId ?? null,
        })),
      },
    };
  }
}

function toSummary(check: Check): CheckSummaryResponse {
  return {
    checkId: check.checkId,
    contactId: check.contactId,
    reference: check.reference,
    agency: check.agency,
    rag: check.rag,
    status: check.status,
    requestedAt: check.requestedAt.toISOString(),
    dueAt: check.dueAt?.toISOString() ?? null,
    respondedAt: check.respondedAt?.toISOString() ?? null,
    concernCategories: check.concernCategories,
    subjectCount: check.subjects.length,
  };
}

function toRecordView(person: AgencyPerson): AgencyRecordView {
  return {
    recordId: person.recordId,
    givenName: person.givenName,
    familyName: person.familyName,
    otherNames: person.otherNames,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    address: person.address,
    nhsNumber: person.nhsNumber,
    upn: person.upn,
    pncId: person.pncId,
    facts: [...(person.facts ?? [])]
      .sort((a, b) => b.date.localeCompare(a.date) || a.factId.localeCompare(b.factId))
      .map((fact) => ({
        factId: fact.factId,
        date: fact.date,
        kind: fact.kind,
        summary: fact.summary,
        classification: fact.classification,
        severity: fact.severity,
        role: fact.role,
      })),
  };
}
