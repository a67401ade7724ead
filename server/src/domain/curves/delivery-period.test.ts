import { describe, expect, it } from 'vitest';
import { parseDeliveryPeriod, periodFromDates } from './delivery-period.js';

const AS_OF = '2026-11-20';
const parse = (text: string) => parseDeliveryPeriod(text, AS_OF);

describe('parseDeliveryPeriod', () => {
  it.each([
    ['Jan-27', 'Jan-2027', '2027-01-01', '2027-02-01'],
    ['JAN2027', 'Jan-2027', '2027-01-01', '2027-02-01'],
    ['feb 28', 'Feb-2028', '2028-02-01', '2028-03-01'],
    ['2027-02', 'Feb-2027', '2027-02-01', '2027-03-01'],
    ['Q3-27', 'Q3-2027', '2027-07-01', '2027-10-01'],
    ['2027-Q4', 'Q4-2027', '2027-10-01', '2028-01-01'],
    ['Cal-27', 'Cal-2027', '2027-01-01', '2028-01-01'],
    ['2050', 'Cal-2050', '2050-01-01', '2051-01-01'],
    ['Sum-27', 'Sum-2027', '2027-04-01', '2027-10-01'],
    ['Winter-2027', 'Win-2027', '2027-10-01', '2028-04-01'],
    ['GY-27', 'GY-2027', '2027-10-01', '2028-10-01'],
    ['BalMo', 'BalMo-2026-11', '2026-11-21', '2026-12-01'],
    ['2027-06-03', '2027-06-03', '2027-06-03', '2027-06-04'],
    ['2027-06-03..2027-06-09', '2027-06-03..2027-06-09', '2027-06-03', '2027-06-10'],
  ])('%s is %s, %s to %s (end exclusive)', (text, contract, start, end) => {
    expect(parse(text)).toEqual({ contract, deliveryStart: start, deliveryEnd: end });
  });

  it('refuses what is not a contract, saying what would be', () => {
    expect(() => parse('Q5-27')).toThrow(/not a contract: use e\.g\. Jan-27/);
    expect(() => parse('Foo-27')).toThrow(/not a contract/);
    expect(() => parse('2027-13')).toThrow(/month 13 is not 1–12/);
    expect(() => parse('2027-06-09..2027-06-03')).toThrow(/ends before it starts/);
    expect(() => parseDeliveryPeriod('BalMo', '2026-11-30')).toThrow(/no delivery days left/);
  });
});

describe('periodFromDates', () => {
  it('names whole months, quarters and years like parsed contracts, other ranges by their days', () => {
    expect(periodFromDates('2027-01-01', '2027-02-01').contract).toBe('Jan-2027');
    expect(periodFromDates('2027-04-01', '2027-07-01').contract).toBe('Q2-2027');
    expect(periodFromDates('2027-01-01', '2028-01-01').contract).toBe('Cal-2027');
    expect(periodFromDates('2027-06-03', '2027-06-10').contract).toBe('2027-06-03..2027-06-09');
    expect(() => periodFromDates('2027-06-03', '2027-06-03')).toThrow(/end must be after/);
  });
});
