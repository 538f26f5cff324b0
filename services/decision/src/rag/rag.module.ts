import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { RagController } from './rag.controller';
import { RagService } from './rag.service';

@Module({
  imports: [ChecksModule],
  controllers: [RagController],
  providers: [RagService],
  exports: [RagService],
})
export class RagModule {}
