import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '@onegate/config';

describe('mail configuration', () => {
  it('has no mail server, a sender and the templates folder by default', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: null,
      mailFrom: 'OneGate <no-reply@onegate.local>',
      templatesDir: 'templates',
    });
  });

  it('reads an smtp:// or smtps:// URL and refuses anything else with one line', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://user:pass@mail.example.vn:465' }).smtpUrl).toBe(
      'smtps://user:pass@mail.example.vn:465',
    );
    expect(loadConfig({ SMTP_URL: '' }).smtpUrl).toBeNull();
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.vn' })).toThrow(
      new ConfigError(['SMTP_URL must be smtp://… or smtps://…']),
    );
  });
});
