import { describe, expect, it } from 'vitest';
import { publisherCountry } from '../../functions/extract/publisher.js';

describe('publisherCountry', () => {
  it("reads a government's own site from the label before its country code", () => {
    expect(publisherCountry('https://www.gov.uk/government/news/a-call')).toBe('GB');
    expect(publisherCountry('https://www.mofa.go.jp/press/release')).toBe('JP');
    expect(publisherCountry('https://mea.gov.in/bilateral-documents.htm')).toBe('IN');
    expect(publisherCountry('https://www.gob.mx/sre/prensa')).toBe('MX');
    expect(publisherCountry('https://pm.gc.ca/en/news')).toBe('CA');
    expect(publisherCountry('https://www.president.lv/en/article/a')).toBe('LV');
    expect(publisherCountry('https://www.mfa.lt/en/news/a')).toBe('LT');
  });

  it('knows the sites whose names say nothing of a government', () => {
    expect(publisherCountry('https://www.state.gov/readout')).toBe('US');
    expect(publisherCountry('https://en.special.kremlin.ru/events/news/1')).toBe('RU');
    expect(publisherCountry('https://en.baochinhphu.vn/a.htm')).toBe('VN');
    expect(publisherCountry('https://valtioneuvosto.fi/en/-/10616/a')).toBe('FI');
    expect(publisherCountry('https://www.regjeringen.no/en/aktuelt/a/id1/')).toBe('NO');
    // (the archive of a government's own papers is that government's site too)
    expect(publisherCountry('https://www.presidency.ucsb.edu/documents/readout-a')).toBe('US');
  });

  it('gives no country for news outlets, look-alikes, bad and missing URLs', () => {
    expect(publisherCountry('https://vietnamnews.vn/politics/a.html')).toBeNull();
    expect(publisherCountry('https://www.wired-gov.net/wg/news.nsf/articles/a')).toBeNull();
    expect(publisherCountry('https://gov.example/a')).toBeNull();
    expect(publisherCountry('https://www.government.com/a')).toBeNull();
    expect(publisherCountry('not a url')).toBeNull();
    expect(publisherCountry(null)).toBeNull();
  });
});
