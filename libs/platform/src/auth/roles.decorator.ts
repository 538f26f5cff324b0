import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Agency, StaffRole } from '@mash/contracts';

export const ROLES = 'mash:roles';
/** Any one of these roles may call the endpoint; anyone else with a valid token gets 403. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

export interface Principal {
  /** The token's subject: a person's id in the identity provider, never their name. */
  id: string;
  name?: string;
  roles: StaffRole[];
  agency?: Agency;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest().principal;
});
