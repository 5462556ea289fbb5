import { describe, expect, it } from 'vitest';
import { nameIn, nameKeys, personIdOf, placeIn, sameName } from '../../functions/text/names.js';

describe('sameName: one person however an article writes the name', () => {
  it.each([
    ['Kishida Fumio', 'Fumio Kishida'],
    ['Biden', 'Joe Biden'],
    ['Marcos Jr.', 'Ferdinand Marcos Jr.'],
    ['Marcos', 'Ferdinand R. Marcos Jr.'],
    ['Rosa Vidal III', 'Vidal'],
    ['Ferdinand R. Marcos Junior', 'Ferdinand R. Marcos Jr.'],
    ['Thuỷ', 'thủy'],
    ['Donal Trump', 'Donald Trump'],
    ['Anthony Blinken', 'Antony Blinken'],
    ['Prak Sokhon', 'Prak Sokhonn'],
    ['Kier Starmer', 'Keir Starmer'],
    ['Kim Jong-un', 'Kim Jong Un'],
    ['Esteban Lazo Hernández', 'Esteban Lazo Hernandez'],
    ['Phạm Minh Chính', 'Pham Minh Chinh'],
    ['Bùi Thanh Sơn', 'Bui Thanh Son'],
    // listed spellings: a Hán-Việt reading, a Vietnamese transliteration, a short form, a romanization
    ['Thái Anh Văn', 'Tsai Ing-wen'],
    ['Vla-đi-mia Pu-tin', 'Vladimir Putin'],
    ['Pu-tin', 'Vladimir Putin'],
    ['Hun Xen', 'Hun Sen'],
    ['Lula', 'Luiz Inácio Lula da Silva'],
    ['Prachanda', 'Pushpa Kamal Dahal'],
    ['Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi'],
    // a given name in its familiar form
    ['Mike Ortega', 'Michael Ortega'],
    ['Bill R. Hanley', 'William Hanley'],
    // unlisted: the article written either way
    ['Omar Hassan el-Masri', 'Omar Hassan al-Masri'],
    ['Abbas Araqchi', 'Abbas Araghchi'],
    // the last words of a longer name, one spelled a letter apart
    ['Makhdoom Shah Mahmood Qureshi', 'Shah Mehmood Qureshi'],
    ['J.D. Vance', 'JD Vance'],
    // initials written apart or together
    ['A.K. Abdul Momen', 'AK Abdul Momen'],
    ['A. K. Rahman', 'AK Rahman'],
    // a particle written joined to the name after it
    ['Badr Albusaidi', 'Badr Hamad al-Busaidi'],
    // the words run together, as a social-media handle or a typo writes them
    ['TamimbinHamad Al-Thani', 'Tamim bin Hamad Al Thani'],
    ['BùiThanh Sơn', 'Bùi Thanh Sơn'],
    // a given name by its initial, as the Vietnamese press writes foreign names
    ['S.Mi-xen', 'Sác-lơ Mi-xen'],
    ['Emmanuel Macron', 'E. Macron'],
  ])('%s = %s', (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    // a middle name alone says too little
    ['Minh', 'Phạm Minh Chính'],
    ['Nguyễn Xuân Phúc', 'Nguyễn Phú Trọng'],
    // one letter in a short word is another name, and so is another family name
    ['Nguyễn Văn Thành', 'Nguyễn Văn Thanh'],
    ['Tô Lâm', 'Tô Lam'],
    ['Lee Jae Myung', 'Lee Jae Myun Kim'],
    ['Hun Sen', 'Hun Manet'],
    ['Mike Ortega', 'Robert Ortega'],
    ['Lại Thanh Đức', 'Tsai Ing-wen'],
    ['Lula', 'Lai Ching-te'],
    ['', 'Hun Sen'],
    ['A. Macron', 'Emmanuel Macron'],
    ['E.Mi-xen', 'Sác-lơ Mi-xen'],
    // run together, the words still keep their marks
    ['NguyễnVăn Thành', 'Nguyễn Văn Thanh'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });

  it('compares the words in the matching form', () => {
    expect(nameKeys('Uỷ Ban  Hoà-Bình')).toEqual(['ủy', 'ban', 'hòa', 'bình']);
  });
});

describe('one person, every spelling (the people gazetteer)', () => {
  it('knows a principal by the name each language writes', () => {
    expect(sameName('Tập Cận Bình', 'Xi Jinping')).toBe(true);
    expect(sameName('Lý Cường', 'Li Qiang')).toBe(true);
    // (two of its words run together, as a handle or a typo writes them)
    expect(sameName('Tập CậnBình', 'Xi Jinping')).toBe(true);
    expect(sameName('Prabowo', 'Prabowo Subianto')).toBe(true);
    expect(sameName('Sergei Lavrov', 'Sergey Lavrov')).toBe(true);
    // a transliteration the spelling rules do not bridge: the gazetteer's aliases do
    expect(sameName('Abdulfattah Al-Sisi', 'Abdel Fattah al-Sisi')).toBe(true);
    // two romanizations of one Korean given name (eo / u)
    expect(sameName('Yoon Seok-yeol', 'Yoon Suk Yeol')).toBe(true);
  });
  it('keeps two listed people apart, and a short form finds the listed person', () => {
    expect(sameName('Tập Cận Bình', 'Li Qiang')).toBe(false);
    expect(sameName('Lý Cường', 'Lý Khắc Cường')).toBe(false);
    expect(sameName('Xi', 'Tập Cận Bình')).toBe(true);
  });
  it('gives a listed person a stable id', () => {
    expect(personIdOf(nameKeys('Tập Cận Bình'))).toBe('Q15031');
    expect(personIdOf(nameKeys('Xi Jinping'))).toBe('Q15031');
    expect(personIdOf(nameKeys('Nguyễn Văn A'))).toBeNull();
  });
  it("keeps a father's name written inside his son's apart from the son", () => {
    expect(
      sameName('Mohammed bin Rashid Al Maktoum', 'Hamdan bin Mohammed bin Rashid Al Maktoum'),
    ).toBe(false);
    expect(sameName('Mohamed bin Zayed', 'Mohamed bin Zayed Al Nahyan')).toBe(true);
    // (one word of the father's name too: King Abdullah is not Crown Prince Hussein bin Abdullah)
    expect(sameName('Abdullah', 'Al Hussein bin Abdullah II')).toBe(false);
    expect(sameName('Salman', 'Khalid bin Salman')).toBe(false);
  });
  it('finds a listed person past a suffix none of their listed spellings writes', () => {
    expect(personIdOf(nameKeys('Joseph Biden, Jr.'))).toBe(personIdOf(nameKeys('Joe Biden')));
    expect(personIdOf(nameKeys('Joseph Biden, Jr.'))).not.toBeNull();
    expect(personIdOf(nameKeys('Nguyễn Văn A Jr.'))).toBeNull();
  });
});

describe('nameIn: a name as a page in each language writes it', () => {
  it.each([
    ['Tập Cận Bình', 'en', 'Xi Jinping'],
    ['Xi Jinping', 'vi', 'Tập Cận Bình'],
    ['Li Qiang', 'vi', 'Lý Cường'],
    ['Phạm Minh Chính', 'en', 'Pham Minh Chinh'],
    ['Đỗ Văn Chiến', 'en', 'Do Van Chien'],
    ['Joe Biden', 'vi', 'Joe Biden'],
    ['Sonexay Siphandone', 'en', 'Sonexay Siphandone'],
  ] as const)('%s in %s is %s', (name, language, expected) => {
    expect(nameIn(name, language)).toBe(expected);
  });
});

describe('placeIn: a city as a page in each language writes it', () => {
  it.each([
    ['Viêng Chăn', 'en', 'Vientiane'],
    ['Moskva', 'en', 'Moscow'],
    ['Moscow', 'vi', 'Mát-xcơ-va'],
    ['Hà Nội', 'en', 'Hanoi'],
    ['Hanoi', 'vi', 'Hà Nội'],
    ['Quy Nhơn', 'en', 'Quy Nhon'],
    ['Tashkent', 'vi', 'Tashkent'],
  ] as const)('%s in %s is %s', (name, language, expected) => {
    expect(placeIn(name, language)).toBe(expected);
  });
});
