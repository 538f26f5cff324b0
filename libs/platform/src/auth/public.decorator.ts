import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'mash:isPublic';
/** The endpoint needs no token (the public referral form, health, metrics, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
