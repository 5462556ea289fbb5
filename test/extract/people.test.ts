import { describe, expect, it } from 'vitest';
import { countryAt, titleAt } from '../../functions/extract/gazetteer.js';
import { findPeople, resolvePeople } from '../../functions/extract/people.js';
import { tokenize } from '../../functions/extract/tokens.js';

const people = (s: string) =>
  findPeople(s, tokenize(s), { code: 'vi', modifiersFirst: false, bareNames: false }).map((p) => ({
    title: p.title,
    name: p.name,
    country: p.country,
    principal: p.principal,
  }));

describe('gazetteer', () => {
  const country = (s: string) => countryAt(tokenize(s), 0)?.code ?? null;
  it('knows countries by their Vietnamese names and variants', () => {
    expect(country('Hoa Kỳ')).toBe('US');
    expect(country('Hợp chúng quốc Hoa Kỳ')).toBe('US');
    expect(country('Liên bang Nga')).toBe('RU');
    expect(country('Cộng hòa Nhân dân Trung Hoa')).toBe('CN');
    expect(country('Cộng hoà Nhân dân Trung Hoa')).toBe('CN');
    expect(country('Ba Lan')).toBe('PL');
    expect(country('New Zealand')).toBe('NZ');
    expect(country('Ả-rập Xê-út')).toBe('SA');
    expect(country('Bờ Biển Ngà')).toBe('CI');
  });
  it('does not take places or people for countries', () => {
    expect(country('Lào Cai')).toBeNull();
    expect(countryAt(tokenize('Nguyễn Minh Đức'), 2)).toBeNull();
    expect(country('lào')).toBeNull();
  });
  it('finds the longest title, not inside an institution name', () => {
    expect(titleAt(tokenize('Thủ tướng Chính phủ Phạm Minh Chính'), 0)?.entry.name).toBe(
      'Thủ tướng Chính phủ',
    );
    expect(titleAt(tokenize('Phủ Chủ tịch'), 1)).toBeNull();
  });
});

describe('findPeople', () => {
  it('reads title, country and name', () => {
    expect(people('Tổng thống Hợp chúng quốc Hoa Kỳ Joe Biden sẽ thăm')).toEqual([
      { title: 'Tổng thống', name: 'Joe Biden', country: 'US', principal: true },
    ]);
    expect(people('Thủ tướng Lào Sonexay Siphandone nhấn mạnh')[0]).toMatchObject({
      name: 'Sonexay Siphandone',
      country: 'LA',
    });
    expect(people('Chủ tịch Trung Quốc Tập Cận Bình')[0]).toMatchObject({
      name: 'Tập Cận Bình',
      country: 'CN',
    });
    expect(people('Tổng thống Indonesia Prabowo Subianto')[0]).toMatchObject({
      name: 'Prabowo Subianto',
      country: 'ID',
    });
    expect(
      people('Chủ nhiệm Văn phòng Ủy ban Công tác đối ngoại Trung ương Trung Quốc Vương Nghị')[0],
    ).toMatchObject({ name: 'Vương Nghị', country: 'CN' });
    // China's State Council in the title: no name "Quốc"
    expect(people('Phó Thủ tướng Quốc vụ viện Trung Quốc Hàn Chính')[0]).toMatchObject({
      title: 'Phó Thủ tướng Quốc vụ viện',
      name: 'Hàn Chính',
      country: 'CN',
    });
  });
  it('reads chained titles and suffixes', () => {
    expect(
      people('Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith và Phu nhân')[0],
    ).toMatchObject({
      title: 'Tổng Bí thư, Chủ tịch nước',
      name: 'Thongloun Sisoulith',
      country: 'LA',
    });
    expect(people('Tổng thống Cộng hòa Philippines Ferdinand Marcos Jr., người')[0]).toMatchObject({
      name: 'Ferdinand Marcos Jr.',
      country: 'PH',
    });
    expect(
      people('Phó Thủ tướng, Bộ trưởng Ngoại giao New Zealand Winston Peters.')[0],
    ).toMatchObject({ name: 'Winston Peters', country: 'NZ', principal: true });
  });
  it('marks people who only comment as not principal', () => {
    expect(people('Thứ trưởng Ngoại giao Hà Kim Ngọc cho biết')[0]).toMatchObject({
      name: 'Hà Kim Ngọc',
      principal: false,
    });
    expect(people('Đại sứ Ba Lan tại Việt Nam Joanna Skoczek')[0]).toMatchObject({
      name: 'Joanna Skoczek',
      country: 'PL',
      principal: false,
    });
  });
  it('keeps an institution between title and name out of the name', () => {
    expect(people('Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên cho biết')[0]).toMatchObject({
      name: 'Nguyễn Hồng Diên',
    });
  });
  it('ends a name at a title-case headline verb (English)', () => {
    const s = 'President Obama and President Hu Walk Along the Colonnade';
    const names = findPeople(s, tokenize(s), {
      code: 'en',
      modifiersFirst: true,
      bareNames: false,
    }).map((p) => p.name);
    expect(names).toContain('Hu');
    expect(names.some((n) => n?.includes('Walk'))).toBe(false);
  });

  it('stops names at captions', () => {
    expect(people('Tổng Bí thư Tô Lâm ẢNH: TTXVN')[0]).toMatchObject({ name: 'Tô Lâm' });
  });
});

describe('findPeople in English', () => {
  const english = (s: string) =>
    findPeople(s, tokenize(s), { code: 'en', modifiersFirst: true, bareNames: true }).map((p) => ({
      title: p.title,
      name: p.name,
      country: p.country,
    }));
  it("knows a listed leader's country when a given name stands before the listed name", () => {
    const s = 'Prime Minister Muhammad Shehbaz Sharif landed in Tehran';
    const { people: found } = resolvePeople(
      findPeople(s, tokenize(s), { code: 'en', modifiersFirst: true, bareNames: true }),
      null,
    );
    expect(found.map((p) => [p.name, p.country])).toEqual([['Muhammad Shehbaz Sharif', 'PK']]);
  });
  it('reads no listed leader inside a longer name joined by a particle', () => {
    // "Salman bin Abdulaziz" (the King) is listed; his son's full name holds it
    expect(
      english(
        'Held a good conversation with Brother HRH Mohammed bin Salman bin Abdulaziz Al Saud',
      ),
    ).toEqual([]);
  });
  it('ends a name at the point of its sentence after a numeral, not after an abbreviation', () => {
    expect(english('Kenyan President Daniel Mwangi met British King Charles III.')).toContainEqual({
      title: 'King',
      name: 'Charles III',
      country: 'GB',
    });
    expect(english('He met Vice President Ramon Cruz Jr. on Monday.')[0]?.name).toBe(
      'Ramon Cruz Jr.',
    );
  });
  it('reads a listed leader by last name alone, not a word inside a longer name', () => {
    expect(english('After arriving in Manila, Albanese will meet his host.')).toEqual([
      { title: null, name: 'Albanese', country: null },
    ]);
    expect(english('The Anthony Albanese Foundation met')).toEqual([]);
  });
  it('leaves a military rank before the name out of it', () => {
    expect(english('Minister of National Defence Gen. Tran Van Son met him.')).toEqual([
      { title: 'Minister of National Defence', name: 'Tran Van Son', country: null },
    ]);
  });
  it("reads a suffix after a comma as the name's, a listed leader's too", () => {
    expect(english('President Eduardo M. Reyes, Jr. met the delegation.')).toEqual([
      { title: 'President', name: 'Eduardo M. Reyes, Jr.', country: null },
    ]);
    expect(english('Philippine President Ferdinand R. Marcos, Jr. met him.')).toEqual([
      { title: 'President', name: 'Ferdinand R. Marcos, Jr.', country: 'PH' },
    ]);
  });
  it("gives a last name alone the article's person of that name, else the listed leader", () => {
    const resolved = (...sentences: string[]) =>
      resolvePeople(
        sentences.flatMap((s) =>
          findPeople(s, tokenize(s), { code: 'en', modifiersFirst: true, bareNames: true }),
        ),
        null,
      ).personOf.map((p) => p && `${p.name} ${p.country}`);
    // (by the full name the leader is listed by)
    expect(resolved('Albanese will meet his host.')).toEqual(['Anthony Albanese AU']);
    // the one word the press calls a leader by, and a short form listed beside the full name
    expect(resolved('Prabowo will meet his host.')).toEqual(['Prabowo Subianto ID']);
    expect(resolved('Trump told reporters.')).toEqual(['Donald Trump US']);
    // a word two listed leaders of the country share names neither
    expect(resolved('Kim told reporters in Pyongyang.')).not.toContain('Kim Jong-un KP');
    expect(
      resolved('Chilean President Maria Albanese spoke.', 'Albanese will meet her host.'),
    ).toEqual(['Maria Albanese CL', 'Maria Albanese CL']);
  });
  it("gives a listed leader no other country's adjective read across words", () => {
    const [chinh] = english(
      'New Zealand officials welcome Prime Minister Pham Minh Chinh at the airport',
    );
    expect(chinh?.country).not.toBe('NZ');
  });
  it('reads no country across a caption run into the next line', () => {
    expect(english('a State visit to Laos - photo 1Chilean President Anna Berg arrives')).toEqual([
      { title: 'President', name: 'Anna Berg', country: null },
    ]);
  });
  it('reads a country before a title, but not across a phrase between them', () => {
    expect(english('a state visit to Laos at the invitation of President Anna Berg')).toEqual([
      { title: 'President', name: 'Anna Berg', country: null },
    ]);
    expect(english('Laos newly elected President Anna Berg')).toEqual([
      { title: 'President', name: 'Anna Berg', country: 'LA' },
    ]);
  });
  it('reads an institution after a title and "of", and its country', () => {
    expect(
      english(
        'talks between General Secretary of the Workers Party of Laos (WPL) Central Committee Anna Berg, and others',
      ),
    ).toEqual([
      {
        title: 'General Secretary of the Workers Party of Laos (WPL) Central Committee',
        name: 'Anna Berg',
        country: 'LA',
      },
    ]);
    expect(english('President of the Chilean Senate Maria Lopez spoke')).toEqual([
      { title: 'President of the Chilean Senate', name: 'Maria Lopez', country: 'CL' },
    ]);
  });
  it("reads a listed name on over its forebears' names after a particle", () => {
    const found = english(
      'Crown Prince Mohammed bin Salman bin Abdulaziz Al Saud, the prime minister of Saudi Arabia, received him.',
    );
    expect(found.filter((p) => p.name !== null)).toEqual([
      { title: 'Crown Prince', name: 'Mohammed bin Salman bin Abdulaziz Al Saud', country: null },
    ]);
  });
  it('leaves a Khmer honorific of several words out of the name', () => {
    expect(
      english(
        'Samdech Moha Rathsapheathika Thipadei Chea Vuthy, President of the National Assembly of Cambodia, met Samdech Thipadei Sok Dara',
      ).map((p) => p.name),
    ).toEqual(['Chea Vuthy', 'Sok Dara']);
  });
  it('reads a patronymic written in lower case inside the name', () => {
    expect(english('Azerbaijani Foreign Minister Jeyhun Aziz oglu Bayramov said')).toEqual([
      { title: 'Foreign Minister', name: 'Jeyhun Aziz oglu Bayramov', country: 'AZ' },
    ]);
  });
  it('keeps a portfolio of two words in the title, not in the name', () => {
    expect(
      english(
        'Minister for Defence Production Tariq Hameed met Uzbek Minister of Defence Industry Rustam Aliev',
      ),
    ).toEqual([
      { title: 'Minister for Defence Production', name: 'Tariq Hameed', country: null },
      { title: 'Minister of Defence Industry', name: 'Rustam Aliev', country: 'UZ' },
    ]);
  });
  it('reads two offices of one person joined by "and"', () => {
    expect(
      english(
        'President of the Chilean Workers Party (CWP) and President of the Chilean Senate Maria Lopez',
      ),
    ).toEqual([
      {
        title: 'President of the Chilean Workers Party (CWP) and President of the Chilean Senate',
        name: 'Maria Lopez',
        country: 'CL',
      },
    ]);
  });
  it('reads a chamber between a country and a title, whose head is no head of state', () => {
    const [speaker] = findPeople(
      'received Chilean Senate President Ana Perez',
      tokenize('received Chilean Senate President Ana Perez'),
      { code: 'en', modifiersFirst: true, bareNames: true },
    );
    expect(speaker).toMatchObject({
      title: 'Senate President',
      name: 'Ana Perez',
      country: 'CL',
      leader: false,
    });
  });
  it('reads a portfolio and its country after a name, honorifics before it', () => {
    expect(
      english('met H.E. Ms. Elena ROJAS, Minister for Foreign Affairs and Trade of Chile, today'),
    ).toEqual([
      {
        title: 'Minister for Foreign Affairs and Trade of Chile',
        name: 'Elena ROJAS',
        country: 'CL',
      },
    ]);
    expect(english('with President of Chile, H.E. Mr. Carlos Vera.')).toEqual([
      { title: 'President', name: 'Carlos Vera', country: 'CL' },
    ]);
  });
  it('takes a minister the gazetteer knows as a party under a short title, not a former one', () => {
    const read = (s: string) =>
      findPeople(s, tokenize(s), { code: 'en', modifiersFirst: true, bareNames: true });
    expect(read('Secretary Antony J. Blinken met')[0]).toMatchObject({ principal: true });
    expect(read('former Secretary Antony J. Blinken said')[0]).toMatchObject({ principal: false });
  });
  it("reads a lower-case title after a country's possessive when a name follows", () => {
    expect(english("talks with Chile's new leader Ana Perez in Santiago")).toEqual([
      { title: 'leader', name: 'Ana Perez', country: 'CL' },
    ]);
  });
  it('reads a party before the title of its leader', () => {
    expect(english('met Communist Party General Secretary Tran Van Minh')[0]).toMatchObject({
      name: 'Tran Van Minh',
    });
  });
});

describe('English people', () => {
  const en = (s: string) =>
    findPeople(s, tokenize(s), { code: 'en', modifiersFirst: true, bareNames: true }).map((p) => ({
      title: p.title,
      name: p.name,
      country: p.country,
    }));
  it('reads a listed name after the word that opens the sentence', () => {
    expect(en('When John Kerry arrives in Hanoi, he will meet officials.')).toEqual([
      { title: null, name: 'John Kerry', country: 'US' },
    ]);
  });
  it('reads a title after the honorific His Excellency', () => {
    expect(en('She will host His Excellency President Xi Jinping on Tuesday.')).toEqual([
      { title: 'President', name: 'Xi Jinping', country: null },
    ]);
  });
  it('reads a Second Minister and the honorific Dato', () => {
    expect(en('Brunei Second Minister of Foreign Affairs Dato Erywan Yusof')).toEqual([
      { title: 'Second Minister of Foreign Affairs', name: 'Erywan Yusof', country: 'BN' },
    ]);
  });
  it('gives a name the title written after it, in lower case for someone the gazetteer knows', () => {
    const people = (s: string) => en(s).map((p) => ({ name: p.name, title: p.title }));
    expect(people('He met Zhao Leji, chairman of the standing committee, on Tuesday.')).toEqual([
      { name: 'Zhao Leji', title: 'chairman' },
    ]);
    expect(people('He met Maria Gruber, Chairperson of the Austrian Parliament.')).toEqual([
      { name: 'Maria Gruber', title: 'Chairperson of the Austrian Parliament' },
    ]);
  });
  it('reads "Sri" opening "Sri Lanka" as the country, no honorific', () => {
    expect(en('He greeted Sri Lanka Ravi Perera on arrival.').map((p) => p.name)).not.toContain(
      'Lanka Ravi Perera',
    );
  });
});

describe('resolvePeople', () => {
  it('joins short names and bare titles to the full mention', () => {
    const sentences = [
      'Tổng thống Hoa Kỳ Joe Biden thăm Việt Nam',
      'Tổng thống Biden cảm ơn',
      'Chủ tịch nước Võ Văn Thưởng đón',
      'theo lời mời của Chủ tịch nước',
      'Thủ tướng Ấn Độ Narendra Modi',
      'Thủ tướng Modi nói',
    ];
    const mentions = sentences.flatMap((s) =>
      findPeople(s, tokenize(s), { code: 'vi', modifiersFirst: false, bareNames: false }),
    );
    const { personOf } = resolvePeople(mentions, 'VN');
    expect(personOf.map((p) => p && `${p.name} ${p.country}`)).toEqual([
      'Joe Biden US',
      'Joe Biden US',
      'Võ Văn Thưởng VN',
      'Võ Văn Thưởng VN',
      'Narendra Modi IN',
      'Narendra Modi IN',
    ]);
  });
  it('gives Vietnamese names without a country to Vietnam and known leaders their country', () => {
    const s = 'Thủ tướng Phạm Văn Ba gặp Thủ tướng Donald Tusk';
    const { personOf } = resolvePeople(
      findPeople(s, tokenize(s), { code: 'vi', modifiersFirst: false, bareNames: false }),
      'VN',
    );
    expect(personOf.map((p) => p?.country)).toEqual(['VN', 'PL']);
  });
});
