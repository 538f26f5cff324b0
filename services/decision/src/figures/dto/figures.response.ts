import { ApiProperty } from '@nestjs/swagger';

export class DecisionFigures {
  @ApiProperty({ description: 'Decisions recorded in the period' }) total!: number;
  @ApiProperty({ description: 'Recorded by the decision deadline' }) withinTimescale!: number;
  @ApiProperty({ description: 'Recorded after the decision deadline' }) late!: number;
  @ApiProperty({ description: 'Recorded on a record that had no decision deadline' }) noDeadline!: number;
}

export class CheckFigures {
  @ApiProperty({ description: 'Checks answered in the period' }) answered!: number;
  @ApiProperty({ description: 'Of those, answered after being overdue' }) answeredLate!: number;
}

export class AgencyCount {
  @ApiProperty() police!: number;
  @ApiProperty() health!: number;
  @ApiProperty() education!: number;
}

export class OverdueNowFigures {
  @ApiProperty({ type: () => AgencyCount, description: 'Checks still owed past their due time' })
  checks!: AgencyCount;
  @ApiProperty({ description: 'Contacts waiting for a decision past their decision deadline' })
  decisions!: number;
}

/** `GET /figures`: counts only, never a person (Croydon 13, Statistics and Reporting). */
export class FiguresResponse {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Contacts received in the period' }) contacts!: number;
  @ApiProperty({
    description:
      'Contacts received in the period about a child seen in a contact within the re-referral window',
  })
  reReferrals!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'reReferrals / contacts (null with no contacts)',
  })
  reReferralRate!: number | null;
  @ApiProperty({ description: 'REREFERRAL_WINDOW_DAYS (0: any earlier contact)' })
  reReferralWindowDays!: number;
  @ApiProperty({ type: () => DecisionFigures }) decisions!: DecisionFigures;
  @ApiProperty({ type: () => CheckFigures }) checks!: CheckFigures;
  @ApiProperty({ type: () => OverdueNowFigures, description: 'As of now, whatever the period' })
  overdueNow!: OverdueNowFigures;
}
