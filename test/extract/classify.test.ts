import { describe, expect, it } from 'vitest';
import { findTriggers } from '../../functions/extract/classify.js';
import { tokenize } from '../../functions/extract/tokens.js';

const types = (sentence: string) => findTriggers(tokenize(sentence)).map((t) => t.type);

describe('findTriggers', () => {
  it('takes a plain "meet" in a sentence that opens in a meeting for that meeting', () => {
    expect(types('Tại cuộc hội kiến, Thủ tướng A xúc động gặp lại Quốc vương B.')).toEqual([
      'courtesy_call',
      'courtesy_call',
    ]);
    expect(types('At the talks, President A said he was glad to meet B again.')).toEqual([
      'talks',
      'talks',
    ]);
  });
  it('leaves it alone after an opening about another meeting', () => {
    expect(types('Sau cuộc hội đàm, Thủ tướng A gặp Chủ tịch B.')).toEqual(['talks', 'meeting']);
    expect(types('Following his summit with B, A held meetings with C.')).toEqual([
      'talks',
      'meeting',
    ]);
  });
});
