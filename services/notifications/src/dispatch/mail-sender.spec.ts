import { failureCode, mailOptions, messageIdOf } from './mail-sender';

describe('outgoing mail', () => {
  it('carries a Message-ID made from the notification id, so a resend is recognisably the same email', () => {
    const id = '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c05';
    expect(messageIdOf(id)).toBe(`<${id}@mash-hub>`);
    const options = mailOptions({
      notificationId: id,
      from: 'MASH <mash@localhost>',
      to: 'a@b.example',
      subject: 's',
      text: 't',
      date: new Date(0),
      attachment: { fileName: 'outcome-X.pdf', pdf: Buffer.from('%PDF-') },
    });
    expect(options.messageId).toBe(`<${id}@mash-hub>`);
    expect(options.attachments).toEqual([
      expect.objectContaining({ filename: 'outcome-X.pdf', contentType: 'application/pdf' }),
    ]);
  });

  it("keeps only a failure's codes, never its message, which quotes the address", () => {
    const error = Object.assign(new Error('Can not send mail to a.smith@hill.example: 550 No such user'), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <a.smith@hill.example> No such user',
    });
    expect(failureCode(error)).toBe('EENVELOPE 550');
    expect(failureCode(new TypeError('a.smith@hill.example'))).toBe('TypeError');
    expect(failureCode('a.smith@hill.example')).toBe('unknown');
  });
});
