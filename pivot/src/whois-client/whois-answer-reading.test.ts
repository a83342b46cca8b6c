import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { rateLimitAnswerOf } from './rate-limit-answer.js';
import { answerNamesRegistrant, whoisReferralOf } from './whois-referral.js';

/** ../shared/corpora/whois-responses beside the repository (from pivot/dist/whois-client/). */
const corpus = process.env.INDICIA_WHOIS_CORPUS ?? fileURLToPath(new URL('../../../../shared/corpora/whois-responses', import.meta.url));

async function corpusAnswers(): Promise<Array<{ file: string; text: string; throttled: boolean }>> {
  const entries = await readdir(corpus, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.txt') && entry.name !== 'LICENSE.txt').map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (file) => {
      const expected = await readFile(file.replace(/\.txt$/, '.expected'), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      // The spec says so when it checks; otherwise the file's name does (response_throttled*.txt).
      const said = /#response_throttled\?\s*\n\s*%s == (true|false)/.exec(expected)?.[1];
      return { file: file.slice(corpus.length + 1), text: await readFile(file, 'latin1'), throttled: said === undefined ? /throttled/.test(file) : said === 'true' };
    }),
  );
}

describe('rate-limit answers', () => {
  it('tells every throttled answer in the whois-responses corpus from every ordinary one', async () => {
    const answers = await corpusAnswers();
    assert.ok(answers.length > 300, `corpus found at ${corpus}`);
    const throttled = answers.filter((answer) => answer.throttled);
    assert.ok(throttled.length >= 13);
    const wrong = answers.filter((answer) => (rateLimitAnswerOf(answer.text) !== null) !== answer.throttled).map((answer) => answer.file);
    assert.deepEqual(wrong, []);
  });

  it('reads the wait an answer names', () => {
    assert.equal(rateLimitAnswerOf('The WHOIS query quota for 127.0.0.1 has been exceeded\nand will be replenished in 50 seconds.')?.retryAfterMs, 50_000);
    assert.equal(rateLimitAnswerOf('% Excessive querying, grace period of 2 seconds')?.retryAfterMs, 2000);
    assert.equal(rateLimitAnswerOf('WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS')?.retryAfterMs, null);
    assert.equal(rateLimitAnswerOf('Domain Name: example.com\nQueries to the Whois services are throttled.'), null);
  });
});

describe('whoisReferralOf', () => {
  it('reads registrar, ARIN and IANA referrals and skips values that are not host names', () => {
    assert.equal(whoisReferralOf('   Registrar WHOIS Server: WHOIS.Registrar.Example\r\n'), 'whois.registrar.example');
    assert.equal(whoisReferralOf('ReferralServer: whois://rwhois.example.net:4321\n'), 'rwhois.example.net:4321');
    assert.equal(whoisReferralOf('ReferralServer: rwhois://rwhois.example.net:4321\n'), null);
    assert.equal(whoisReferralOf('refer:        whois.verisign-grs.com\n\ndomain:       COM\n'), 'whois.verisign-grs.com');
    assert.equal(whoisReferralOf('WHOIS Server: @ CoCCA\nWHOIS Server: \n'), null);
    assert.equal(whoisReferralOf('WHOIS Server: Palestine PS/Felasteen ccTLD Registry\n'), null);
    assert.equal(whoisReferralOf('Registrar WHOIS Server:\nWhois Server: whois.markmonitor.com\n'), 'whois.markmonitor.com');
  });

  it('tells a thick answer (registrant named) from a thin or redacted one', () => {
    assert.equal(answerNamesRegistrant('Registrant Name: Jane Roe\r\nRegistrar WHOIS Server: whois.registrar.test\r\n'), true);
    assert.equal(answerNamesRegistrant('Registrant Email: jane.roe@example.net\n'), true);
    assert.equal(answerNamesRegistrant('Domain Name: EXAMPLE.COM\nRegistrar WHOIS Server: whois.registrar.test\n'), false);
    assert.equal(answerNamesRegistrant('Registrant Name: REDACTED FOR PRIVACY\nRegistrant Email: Please query the RDDS service of the Registrar of Record identified in this output for information on how to contact the Registrant\n'), false);
    assert.equal(answerNamesRegistrant('Registrant:\n'), false);
  });
});
