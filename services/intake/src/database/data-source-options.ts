import { CreateMessagingTables1763800000000, MESSAGING_ENTITIES } from '@mash/messaging';
import { postgresOptions } from '@mash/platform';
import { CreateWebSessions1764800000000 } from '@mash/web';
import { Contact } from '../contacts/contact.entity';
import { CreateContacts1763800000100 } from './migrations/1763800000100-create-contacts';
import { ContactRequestHash1763800000110 } from './migrations/1763800000110-contact-request-hash';

export function intakeDataSourceOptions(url: string) {
  return postgresOptions({
    url,
    applicationName: 'intake',
    entities: [Contact, ...MESSAGING_ENTITIES],
    migrations: [
      CreateMessagingTables1763800000000,
      CreateContacts1763800000100,
      ContactRequestHash1763800000110,
      CreateWebSessions1764800000000,
    ],
  });
}
