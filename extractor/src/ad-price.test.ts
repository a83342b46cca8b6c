import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPrices } from './ad-price.js';

type Expected = [amount: number, maxAmount: number | undefined, currency: string, per: string | undefined, raw: string];

const cases: Array<{ text: string; country?: string; expected: Expected[] }> = [
  { text: 'Rates from A$300 per hour.', expected: [[300, undefined, 'AUD', 'hour', 'A$300 per hour']] },
  { text: 'Incall $200/hr, outcall $300/hr', expected: [[200, undefined, 'USD', 'hour', '$200/hr'], [300, undefined, 'USD', 'hour', '$300/hr']] },
  { text: 'Rates from $250 per hour.', country: 'AU', expected: [[250, undefined, 'AUD', 'hour', '$250 per hour']] },
  { text: 'Salary from £1,500 per month, paid weekly.', expected: [[1500, undefined, 'GBP', 'month', '£1,500 per month']] },
  { text: 'Sueldo desde 1.500 euros al mes, pago semanal.', expected: [[1500, undefined, 'EUR', 'month', '1.500 euros al mes']] },
  { text: 'Salariu 1.500 - 2.000 lei pe lună', expected: [[1500, 2000, 'RON', 'month', '1.500 - 2.000 lei pe lună']] },
  { text: 'Gehalt: 1500-2000 EUR/Monat', expected: [[1500, 2000, 'EUR', 'month', '1500-2000 EUR/Monat']] },
  { text: 'Salaire de €1 500 à €2 000 par mois', expected: [[1500, 2000, 'EUR', 'month', '€1 500 à €2 000 par mois']] },
  { text: 'Wynagrodzenie 2k zł miesięcznie', expected: [[2000, undefined, 'PLN', 'month', '2k zł miesięcznie']] },
  { text: 'Зарплата 50 000 руб. в месяц', expected: [[50000, undefined, 'RUB', 'month', '50 000 руб. в месяц']] },
  { text: 'Оплата 3000 грн на тиждень', expected: [[3000, undefined, 'UAH', 'week', '3000 грн на тиждень']] },
  { text: 'Paga 80 euro al giorno', expected: [[80, undefined, 'EUR', 'day', '80 euro al giorno']] },
  { text: 'Salário 900 EUR por mês', expected: [[900, undefined, 'EUR', 'month', '900 EUR por mês']] },
  { text: 'Loon €12,50 per uur', expected: [[12.5, undefined, 'EUR', 'hour', '€12,50 per uur']] },
  { text: 'CHF 300 / 1h, CZK 4000', expected: [[300, undefined, 'CHF', 'hour', 'CHF 300 / 1h'], [4000, undefined, 'CZK', undefined, 'CZK 4000']] },
  { text: '30min 150€ | 1h 250€ | overnight 1000€', expected: [[150, undefined, 'EUR', '30min', '30min 150€'], [250, undefined, 'EUR', 'hour', '1h 250€'], [1000, undefined, 'EUR', 'night', 'overnight 1000€']] },
  { text: '150€ 30min, 250€ 1h', expected: [[150, undefined, 'EUR', '30min', '150€ 30min'], [250, undefined, 'EUR', 'hour', '250€ 1h']] },
  { text: '1 hour: $300, 2 hours: $550', expected: [[300, undefined, 'USD', 'hour', '1 hour: $300'], [550, undefined, 'USD', '2hours', '2 hours: $550']] },
  { text: 'Price 500 kr per hour', country: 'NO', expected: [[500, undefined, 'NOK', 'hour', '500 kr per hour']] },
  { text: '月薪 8000元，包吃住', expected: [[8000, undefined, 'CNY', undefined, '8000元']] },
  { text: '100 dollars an hour', expected: [[100, undefined, 'USD', 'hour', '100 dollars an hour']] },
];

describe('findPrices', () => {
  for (const { text, country, expected } of cases) {
    it(text, () => {
      const prices = findPrices(text, { country });
      assert.deepEqual(prices.map((p) => [p.amount, p.maxAmount, p.currency, p.per, p.raw]), expected);
      for (const price of prices) {
        assert.equal(text.slice(price.start, price.end), price.raw, 'offsets index the raw span');
        assert.equal(price.source, 'text');
      }
    });
  }

  it('takes no phone digits, words or bare numbers for prices', () => {
    for (const text of ['Call (702) 555-0123 now', 'Call 0412 345 678 200€', 'body rub 200 per hour', 'try 200 times', 'Room 12, 2nd floor', 'Nuru 2 hours']) {
      assert.deepEqual(findPrices(text), [], text);
    }
  });

  it('reads the title when asked, with the source named', () => {
    assert.deepEqual(findPrices('Hostess wanted — $1500 per month', { source: 'title' }).map((p) => [p.raw, p.source]), [['$1500 per month', 'title']]);
  });

  it('finishes quickly on adversarial input', () => {
    for (const text of ['1'.repeat(1_000_000), '+('.repeat(500_000), '$1 '.repeat(300_000), '€'.repeat(1_000_000), '1 '.repeat(500_000) + 'EUR']) {
      const started = performance.now();
      findPrices(text);
      assert.ok(performance.now() - started < 2000, `${text.slice(0, 6)}… took too long`);
    }
  });
});
