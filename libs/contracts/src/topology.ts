import { AGENCIES, Agency } from './vocabulary';
import { MessageType, MessageTypes } from './message-types';

/**
 * Every exchange, queue and routing key of the hub, named once. Provisioning declares exactly this;
 * services never declare topology themselves, and their broker users may not.
 */
export const SERVICES = [
  'intake',
  'triage',
  'police-checks',
  'health-checks',
  'education-checks',
  'decision',
  'notifications',
] as const;
export type ServiceName = (typeof SERVICES)[number];

export const DEFAULT_VHOST = 'mash';

export function agencyService(agency: Agency): ServiceName {
  return `${agency}-checks` as ServiceName;
}

/** Each service publishes only to its own topic exchange. */
export function eventsExchange(service: ServiceName): string {
  return `${service}.events`;
}
/** Where a service parks a failed message for a later attempt. */
export function retryExchange(service: ServiceName): string {
  return `${service}.retry`;
}
/** Where a service puts a message it cannot handle, with the reason. */
export function deadLetterExchange(service: ServiceName): string {
  return `${service}.dead-letter`;
}

/** check.requested is routed per agency, so each agency's backlog is its own queue. */
export function checkRequestedRoutingKey(agency: Agency): string {
  return agencyRoutingKey(MessageTypes.CheckRequested, agency);
}

/** Messages addressed to one agency (requested, chased, cancelled, retimed) are routed by `<type>.<agency>`. */
export function agencyRoutingKey(type: AgencyBoundMessageType, agency: Agency): string {
  return `${type}.${agency}`;
}

/** What the hub sends to one agency's own queue. */
export const AGENCY_BOUND_MESSAGE_TYPES = [
  MessageTypes.CheckRequested,
  MessageTypes.CheckChased,
  MessageTypes.CheckCancelled,
  MessageTypes.CheckRetimed,
] as const;
export type AgencyBoundMessageType = (typeof AGENCY_BOUND_MESSAGE_TYPES)[number];

export interface Binding {
  exchange: string;
  routingKey: string;
}

export interface ConsumerQueue {
  name: string;
  owner: ServiceName;
  bindings: Binding[];
  /** Message types the owner accepts on this queue; anything else is dead-lettered. */
  accepts: MessageType[];
}

/** Back-off before the first, second and third retry; after the last, the message is dead-lettered. */
export const RETRY_DELAYS_MS = [1_000, 5_000, 30_000] as const;
/** Backstop for a message that crashes its consumer before it can be retried or dead-lettered. */
export const QUORUM_DELIVERY_LIMIT = 10;

export function retryQueueName(queue: string, attempt: number): string {
  return `${queue}.retry-${attempt}`;
}
export function deadLetterQueueName(queue: string): string {
  return `${queue}.dead-letter`;
}

function agencyQueues(): ConsumerQueue[] {
  return AGENCIES.map((agency) => ({
    name: `${agencyService(agency)}.check-requests`,
    owner: agencyService(agency),
    // triage requests the first checks; decision requests later ones (consent, a manager's change),
    // chases overdue ones, withdraws and re-times them.
    bindings: [
      { exchange: eventsExchange('triage'), routingKey: checkRequestedRoutingKey(agency) },
      ...AGENCY_BOUND_MESSAGE_TYPES.map((type) => ({
        exchange: eventsExchange('decision'),
        routingKey: agencyRoutingKey(type, agency),
      })),
    ],
    accepts: [...AGENCY_BOUND_MESSAGE_TYPES],
  }));
}

export const CONSUMER_QUEUES: ConsumerQueue[] = [
  {
    name: 'triage.contacts',
    owner: 'triage',
    bindings: [{ exchange: eventsExchange('intake'), routingKey: MessageTypes.ContactReceived }],
    accepts: [MessageTypes.ContactReceived],
  },
  ...agencyQueues(),
  {
    name: 'decision.inbox',
    owner: 'decision',
    bindings: [
      { exchange: eventsExchange('triage'), routingKey: MessageTypes.ContactScreened },
      ...AGENCIES.flatMap((agency) =>
        [MessageTypes.CheckResponded, MessageTypes.CheckEscalated].map((routingKey) => ({
          exchange: eventsExchange(agencyService(agency)),
          routingKey,
        })),
      ),
      { exchange: eventsExchange('notifications'), routingKey: MessageTypes.NotificationSent },
    ],
    accepts: [
      MessageTypes.ContactScreened,
      MessageTypes.CheckResponded,
      MessageTypes.CheckEscalated,
      MessageTypes.NotificationSent,
    ],
  },
  {
    name: 'notifications.inbox',
    owner: 'notifications',
    // contact.received for the referrer's acknowledgement, contact.screened for the alerts screening
    // asks for, decision.recorded for the outcome.
    bindings: [
      { exchange: eventsExchange('intake'), routingKey: MessageTypes.ContactReceived },
      { exchange: eventsExchange('triage'), routingKey: MessageTypes.ContactScreened },
      { exchange: eventsExchange('decision'), routingKey: MessageTypes.DecisionRecorded },
    ],
    accepts: [MessageTypes.ContactReceived, MessageTypes.ContactScreened, MessageTypes.DecisionRecorded],
  },
];

/** What each service publishes, and so the only exchanges its broker user may write to. */
export const PUBLICATIONS: Record<ServiceName, MessageType[]> = {
  intake: [MessageTypes.ContactReceived],
  triage: [MessageTypes.ContactScreened, MessageTypes.CheckRequested],
  'police-checks': [MessageTypes.CheckResponded, MessageTypes.CheckEscalated],
  'health-checks': [MessageTypes.CheckResponded, MessageTypes.CheckEscalated],
  'education-checks': [MessageTypes.CheckResponded, MessageTypes.CheckEscalated],
  decision: [
    MessageTypes.DecisionRecorded,
    MessageTypes.CheckRequested,
    MessageTypes.CheckChased,
    MessageTypes.CheckCancelled,
    MessageTypes.CheckRetimed,
  ],
  notifications: [MessageTypes.NotificationSent],
};

export function queueOf(service: ServiceName): ConsumerQueue | undefined {
  return CONSUMER_QUEUES.find((queue) => queue.owner === service);
}

/** Least privilege (DESIGN.md, Boundaries): read only its own queues, write only its own exchanges. */
export function brokerPermissions(service: ServiceName): { configure: string; write: string; read: string } {
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const writable = [eventsExchange(service), retryExchange(service), deadLetterExchange(service)];
  const readable = CONSUMER_QUEUES.filter((queue) => queue.owner === service).map((queue) => queue.name);
  return {
    configure: '^$',
    write: `^(${writable.map(escape).join('|')})$`,
    read: readable.length ? `^(${readable.map(escape).join('|')})$` : '^$',
  };
}
