import { Module } from '@nestjs/common';
import { RepeatContacts } from './repeat-contacts';

@Module({ providers: [RepeatContacts], exports: [RepeatContacts] })
export class RepeatsModule {}
