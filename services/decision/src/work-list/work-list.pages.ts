import { Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RAG_RATINGS, type RagRating } from '@mash/contracts';
import { Clock, CLOCK } from '@mash/platform';
import { PageController, PageRequest, PageRoles, timeToDeadline, validateForm } from '@mash/web';
import { FiguresQuery } from '../figures/dto/figures.query';
import { FiguresService } from '../figures/figures.service';
import { EndOfDayQuery } from '../records/dto/end-of-day.query';
import type { WorkListEntry } from '../records/dto/work-list-entry.response';
import { WorkListQuery } from '../records/dto/work-list.query';
import { RECORD_STATUSES, type RecordStatus } from '../records/record-status';
import { HUB_WATCHERS, MASH_STAFF } from '../records/records.controller';
import { RecordsService } from '../records/records.service';
import { WorkListChildren } from './work-list-children';
import { AGENCY_NAMES, RAG_NAMES, RAG_TAGS, STATUS_NAMES } from './words';

const RAG_ORDER: Record<RagRating, number> = { red: 0, amber: 1, green: 2 };
const CLOSED: RecordStatus[] = ['decided', 'closed'];

/** The MASH staff work list, the end-of-day list and the figures: the same service methods as the API. */
@PageController()
export class WorkListPages {
  constructor(
    private readonly records: RecordsService,
    private readonly figures: FiguresService,
    private readonly children: WorkListChildren,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @PageRoles(...MASH_STAFF)
  async workList(@Req() req: PageRequest, @Res() res: Response, @Query() query: Record<string, string>) {
    const filters = {
      status: query.status || undefined,
      rag: query.rag || undefined,
      overdue: query.overdue || undefined,
    };
    const context = {
      pageTitle: 'Work list',
      columnWidth: 'full',
      filters,
      ragTags: RAG_TAGS,
      ...filterOptions(filters),
    };
    const checked = await validateForm(WorkListQuery, withoutEmpty(filters), {
      status: 'Select a status from the list',
      rag: 'Select a RAG rating from the list',
      overdue: 'Select whether to show overdue contacts',
    });
    if (!checked.ok)
      return res
        .status(400)
        .render('work-list/views/work-list.njk', { ...context, errors: checked.errors, rows: [] });
    const entries = await this.records.workList({ ...checked.value, sort: 'deadline' });
    // Open contacts only, unless the person asked for a status that is not open.
    const open = entries.filter((entry) => checked.value.status || !CLOSED.includes(entry.status));
    // Red first, then the soonest deadline (the service's order, kept by a stable sort).
    const listed = open
      .map((entry, position) => ({ entry, position }))
      .sort((a, b) => RAG_ORDER[a.entry.rag] - RAG_ORDER[b.entry.rag] || a.position - b.position)
      .map(({ entry }) => entry);
    const children = await this.children.of(listed.map((entry) => entry.contactId));
    const now = this.clock.now();
    res.render('work-list/views/work-list.njk', {
      ...context,
      rows: listed.map((entry) => ({
        ...entry,
        children: children.get(entry.contactId) ?? [],
        waitingFor: waitingFor(entry),
        statusName: STATUS_NAMES[entry.status],
        ragName: RAG_NAMES[entry.rag],
        timeLeft: entry.nextDeadlineAt ? timeToDeadline(entry.nextDeadlineAt, now) : 'No deadline',
        late: entry.nextDeadlineAt ? new Date(entry.nextDeadlineAt) < now : false,
      })),
    });
  }

  @Get('end-of-day')
  @PageRoles(...HUB_WATCHERS)
  async endOfDay(@Req() req: PageRequest, @Res() res: Response, @Query() query: Record<string, string>) {
    const date = query.date || undefined;
    const checked = await validateForm(EndOfDayQuery, withoutEmpty({ date }), {
      date: 'Enter a real date, like 2026-11-27',
    });
    const context = { pageTitle: 'End of day', columnWidth: 'full', date };
    if (!checked.ok)
      return res.status(400).render('work-list/views/end-of-day.njk', { ...context, errors: checked.errors });
    const list = await this.records.endOfDay(checked.value);
    res.render('work-list/views/end-of-day.njk', {
      ...context,
      list,
      rows: list.contacts.map((contact) => ({
        ...contact,
        statusName: STATUS_NAMES[contact.status],
        ragName: RAG_NAMES[contact.rag],
      })),
    });
  }

  /** The figures page. Served at /figures by FiguresPageRoute (the JSON figures keep that address for API calls). */
  @Get('figures/page')
  @PageRoles(...HUB_WATCHERS)
  async figuresPage(@Req() req: PageRequest, @Res() res: Response) {
    const checked = await validateForm(FiguresQuery, {});
    const figures = await this.figures.figures(checked.ok ? checked.value : {});
    res.render('work-list/views/figures.njk', { pageTitle: 'Figures', figures, agencyNames: AGENCY_NAMES });
  }
}

function withoutEmpty(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}

function waitingFor(entry: WorkListEntry): string {
  switch (entry.status) {
    case 'received':
    case 'screening':
      return 'Screening';
    case 'awaiting-consent-decision':
      return 'A consent decision by a team manager';
    case 'awaiting-checks': {
      const owed = entry.checks.filter((check) => check.status === 'requested' || check.status === 'overdue');
      return owed.length ? `Checks: ${owed.map((check) => AGENCY_NAMES[check.agency]).join(', ')}` : 'Checks';
    }
    case 'ready-for-decision':
      return 'A decision';
    default:
      return entry.overdueAlerts > 0 ? 'Alerts to be sent' : 'Nothing';
  }
}

function filterOptions(filters: { status?: string; rag?: string; overdue?: string }) {
  const item = (value: string, text: string, selected?: string) => ({
    value,
    text,
    selected: value === (selected ?? ''),
  });
  return {
    statusItems: [
      item('', 'Any open status', filters.status),
      ...RECORD_STATUSES.map((s) => item(s, STATUS_NAMES[s], filters.status)),
    ],
    ragItems: [
      item('', 'Any rating', filters.rag),
      ...RAG_RATINGS.map((r) => item(r, RAG_NAMES[r], filters.rag)),
    ],
    overdueItems: [
      item('', 'Overdue or not', filters.overdue),
      item('true', 'Overdue only', filters.overdue),
      item('false', 'Not overdue', filters.overdue),
    ],
  };
}
