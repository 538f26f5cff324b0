import { CheckCancelled, CheckChased, CheckEscalated, CheckRetimed } from './messages/check-lifecycle';
import { CheckRequested } from './messages/check-requested';
import { CheckResponded } from './messages/check-responded';
import { ContactReceived } from './messages/contact-received';
import { ContactScreened } from './messages/contact-screened';
import { DecisionRecorded } from './messages/decision-recorded';
import { NotificationSent } from './messages/notification-sent';

/** The AMQP `type` property of every message in the flow (DESIGN.md, Messages). */
export const MessageTypes = {
  ContactReceived: 'contact.received',
  ContactScreened: 'contact.screened',
  CheckRequested: 'check.requested',
  CheckResponded: 'check.responded',
  CheckChased: 'check.chased',
  CheckCancelled: 'check.cancelled',
  CheckRetimed: 'check.retimed',
  CheckEscalated: 'check.escalated',
  DecisionRecorded: 'decision.recorded',
  NotificationSent: 'notification.sent',
} as const;
export type MessageType = (typeof MessageTypes)[keyof typeof MessageTypes];

export interface MessageDefinition<T = object> {
  type: MessageType;
  schemaVersion: string;
  payload: new () => T;
  summary: string;
}

/** One entry per message: its class (validated where received) and its schema version. */
export const MESSAGE_DEFINITIONS: Record<MessageType, MessageDefinition> = {
  'contact.received': {
    type: 'contact.received',
    schemaVersion: '1',
    payload: ContactReceived,
    summary: 'A contact has been recorded at the front door.',
  },
  'contact.screened': {
    type: 'contact.screened',
    schemaVersion: '1',
    payload: ContactScreened,
    summary: 'Triage has screened a contact: route, initial RAG and the checks requested.',
  },
  'check.requested': {
    type: 'check.requested',
    schemaVersion: '1',
    payload: CheckRequested,
    summary: "A request for one agency to search its own records; lands on that agency's own queue.",
  },
  'check.responded': {
    type: 'check.responded',
    schemaVersion: '1',
    payload: CheckResponded,
    summary: "An agency's answer: its RAG, analysis, matches and items classified shareable or mash-only.",
  },
  'check.chased': {
    type: 'check.chased',
    schemaVersion: '1',
    payload: CheckChased,
    summary: "The hub chases an agency whose answer is past its due time; lands on that agency's own queue.",
  },
  'check.cancelled': {
    type: 'check.cancelled',
    schemaVersion: '1',
    payload: CheckCancelled,
    summary: 'A manager withdrew a check; the agency stops work on it.',
  },
  'check.retimed': {
    type: 'check.retimed',
    schemaVersion: '1',
    payload: CheckRetimed,
    summary: "The contact's RAG changed: the check's rating and due time are recomputed.",
  },
  'check.escalated': {
    type: 'check.escalated',
    schemaVersion: '1',
    payload: CheckEscalated,
    summary: 'An agency escalates heightened risk: the RAG rises and every open check is re-timed.',
  },
  'decision.recorded': {
    type: 'decision.recorded',
    schemaVersion: '1',
    payload: DecisionRecorded,
    summary: 'A decision maker has decided the outcome of a contact. Carries nothing mash-only.',
  },
  'notification.sent': {
    type: 'notification.sent',
    schemaVersion: '1',
    payload: NotificationSent,
    summary: 'The referrer or family has been told the outcome.',
  },
};

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MESSAGE_DEFINITIONS, value);
}
