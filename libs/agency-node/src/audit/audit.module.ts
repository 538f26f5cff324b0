import { Global, Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { ViewAuditService } from './view-audit.service';

@Global()
@Module({ controllers: [AuditLogController], providers: [ViewAuditService], exports: [ViewAuditService] })
export class ViewAuditModule {}
