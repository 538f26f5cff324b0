import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageController, PageRequest, PageRoles, redirectTo } from '@mash/web';
import { ReferralFlow, ReferralJourney } from '../referrals/referral-journey';

type Form = Record<string, unknown>;
const OFFICER: ReferralFlow = { base: '/contacts/new', form: 'contact-entry', officer: true };

/** A contact officer records a contact taken by phone or email (or a police notification) on the caller's behalf, with the portal's questions. */
@PageController('contacts/new')
@PageRoles('contact-officer')
export class ContactEntryController {
  constructor(private readonly journey: ReferralJourney) {}

  /** The officer's journey starts with how the contact came in (answers in progress are kept). */
  @Get()
  start(@Req() req: PageRequest, @Res() res: Response) {
    return redirectTo(req, res, `${OFFICER.base}/how`);
  }

  @Get('how') how(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.how(OFFICER, req, res);
  }
  @Post('how') saveHow(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveHow(OFFICER, req, res, body);
  }

  @Post('start') startAgain(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.startAgain(OFFICER, req, res);
  }

  @Get('referrer') referrer(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.referrer(OFFICER, req, res);
  }
  @Post('referrer') saveReferrer(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveReferrer(OFFICER, req, res, body);
  }

  @Get('child/:n') child(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.child(OFFICER, req, res, n);
  }
  @Post('child/:n') saveChild(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('n') n: string,
    @Body() body: Form,
  ) {
    return this.journey.saveChild(OFFICER, req, res, n, body);
  }
  @Post('child/:n/remove') removeChild(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.removeChild(OFFICER, req, res, n);
  }
  @Get('children') children(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.children(OFFICER, req, res);
  }
  @Post('children') saveChildren(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveChildren(OFFICER, req, res, body);
  }

  @Get('adult/:n') adult(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.adult(OFFICER, req, res, n);
  }
  @Post('adult/:n') saveAdult(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('n') n: string,
    @Body() body: Form,
  ) {
    return this.journey.saveAdult(OFFICER, req, res, n, body);
  }
  @Post('adult/:n/remove') removeAdult(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.removeAdult(OFFICER, req, res, n);
  }
  @Get('adults') adults(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.adults(OFFICER, req, res);
  }
  @Post('adults') saveAdults(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveAdults(OFFICER, req, res, body);
  }

  @Get('concern') concern(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.concern(OFFICER, req, res);
  }
  @Post('concern') saveConcern(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveConcern(OFFICER, req, res, body);
  }
  @Get('urgent') urgent(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.urgent(OFFICER, req, res);
  }
  @Post('urgent') saveUrgent(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveUrgent(OFFICER, req, res, body);
  }
  @Get('consent') consent(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.consent(OFFICER, req, res);
  }
  @Post('consent') saveConsent(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveConsent(OFFICER, req, res, body);
  }

  @Get('check') check(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.checkAnswers(OFFICER, req, res);
  }
  @Post('send') send(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.send(OFFICER, req, res);
  }
  @Get('sent') sent(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.sent(OFFICER, req, res);
  }
}
