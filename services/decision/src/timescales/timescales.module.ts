import { Module } from '@nestjs/common';
import { OverdueSweeper } from './overdue-sweeper';

@Module({ providers: [OverdueSweeper], exports: [OverdueSweeper] })
export class TimescalesModule {}
