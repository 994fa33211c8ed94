import { describe, expect, it } from 'vitest';
import { slackTextToPlain } from '../../../bots/slack/slack-text.ts';

describe('slackTextToPlain', () => {
  it('shows auto-linked e-mail addresses, phone numbers and URLs as written', () => {
    expect(slackTextToPlain('Mail me: <mailto:jan.devries@example.nl|jan.devries@example.nl>')).toBe(
      'Mail me: jan.devries@example.nl',
    );
    expect(slackTextToPlain('Bel me op <tel:0612345678|06 12 34 56 78> vanavond')).toBe(
      'Bel me op 06 12 34 56 78 vanavond',
    );
    expect(slackTextToPlain('See <https://www.thuisarts.nl/diabetes|thuisarts.nl/diabetes>')).toBe(
      'See thuisarts.nl/diabetes',
    );
    expect(slackTextToPlain('See <https://nhs.uk/>')).toBe('See https://nhs.uk/');
  });

  it('keeps the URL of a link that has its own label', () => {
    expect(slackTextToPlain('<https://example.com/cure|miracle cure>')).toBe(
      'miracle cure (https://example.com/cure)',
    );
  });

  it('renders mentions, channels, broadcasts and user groups', () => {
    expect(slackTextToPlain('<@U123> and <@U456|anna> in <#C1|lotgenoten> or <#C2>')).toBe(
      '@U123 and @anna in #lotgenoten or #C2',
    );
    expect(
      slackTextToPlain('<!here> <!channel> <!subteam^S1|@mods> <!date^1392734382^{date}|Feb 18, 2014>'),
    ).toBe('@here @channel @mods Feb 18, 2014');
  });

  it('decodes the three escaped characters last, so escaped markup stays text', () => {
    expect(slackTextToPlain('a &lt;b&gt; &amp;lt; c &amp; d')).toBe('a <b> &lt; c & d');
    expect(slackTextToPlain('&lt;@U123&gt;')).toBe('<@U123>');
  });

  it('leaves ordinary text alone', () => {
    expect(slackTextToPlain('Ik voel me vandaag wat beter :) 3 > 2')).toBe(
      'Ik voel me vandaag wat beter :) 3 > 2',
    );
  });
});
