import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageController, PageRequest, PublicPage } from '@mash/web';
import { ReferralFlow, ReferralJourney } from './referral-journey';

type Form = Record<string, unknown>;
const PORTAL: ReferralFlow = { base: '/refer', form: 'referral', officer: false };

/** The public referral portal: anyone may make a referral without signing in (forms are still CSRF-checked). */
@PageController('refer')
@PublicPage()
export class ReferralPortalController {
  constructor(private readonly journey: ReferralJourney) {}

  @Get()
  start(@Res() res: Response) {
    res.render('referrals/views/start.njk', { base: PORTAL.base, officer: false });
  }

  @Post('start') startAgain(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.startAgain(PORTAL, req, res);
  }

  @Get('referrer') referrer(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.referrer(PORTAL, req, res);
  }
  @Post('referrer') saveReferrer(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveReferrer(PORTAL, req, res, body);
  }

  @Get('child/:n') child(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.child(PORTAL, req, res, n);
  }
  @Post('child/:n') saveChild(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('n') n: string,
    @Body() body: Form,
  ) {
    return this.journey.saveChild(PORTAL, req, res, n, body);
  }
  @Post('child/:n/remove') removeChild(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.removeChild(PORTAL, req, res, n);
  }
  @Get('children') children(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.children(PORTAL, req, res);
  }
  @Post('children') saveChildren(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveChildren(PORTAL, req, res, body);
  }

  @Get('adult/:n') adult(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.adult(PORTAL, req, res, n);
  }
  @Post('adult/:n') saveAdult(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('n') n: string,
    @Body() body: Form,
  ) {
    return this.journey.saveAdult(PORTAL, req, res, n, body);
  }
  @Post('adult/:n/remove') removeAdult(@Req() req: PageRequest, @Res() res: Response, @Param('n') n: string) {
    return this.journey.removeAdult(PORTAL, req, res, n);
  }
  @Get('adults') adults(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.adults(PORTAL, req, res);
  }
  @Post('adults') saveAdults(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveAdults(PORTAL, req, res, body);
  }

  @Get('concern') concern(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.concern(PORTAL, req, res);
  }
  @Post('concern') saveConcern(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveConcern(PORTAL, req, res, body);
  }
  @Get('urgent') urgent(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.urgent(PORTAL, req, res);
  }
  @Post('urgent') saveUrgent(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveUrgent(PORTAL, req, res, body);
  }
  @Get('consent') consent(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.consent(PORTAL, req, res);
  }
  @Post('consent') saveConsent(@Req() req: PageRequest, @Res() res: Response, @Body() body: Form) {
    return this.journey.saveConsent(PORTAL, req, res, body);
  }

  @Get('check') check(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.checkAnswers(PORTAL, req, res);
  }
  @Post('send') send(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.send(PORTAL, req, res);
  }
  @Get('sent') sent(@Req() req: PageRequest, @Res() res: Response) {
    return this.journey.sent(PORTAL, req, res);
  }
}
