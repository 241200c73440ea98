import { describe, expect, it } from 'vitest';
import { isStemTerm, stemTerm, verbStems } from '../../src/text/verb-stems.js';
import { analyze } from '../../src/text/tokens.js';

describe('verbStems', () => {
  // word, a stem it must yield (the forms a passage writes)
  it.each<[string, string]>([
    // past tense: the ㅆ syllable and its contraction
    ['바꿨다', '바꾸'],
    ['숨졌다', '숨지'],
    ['열렸어', '열리'],
    ['다쳤다', '다치'],
    ['끝났다', '끝나'],
    ['나왔다', '나오'],
    ['만들었다', '만들'],
    // 르 verbs move their ㄹ onto the syllable before
    ['올랐다', '오르'],
    ['올라', '오르'],
    ['불렀다', '부르'],
    // the 어/아 form contracted with the stem's vowel
    ['바꿔', '바꾸'],
    ['넘겨', '넘기'],
    ['바꿔서', '바꾸'],
    // the present tense ㄴ다: a noun takes 이다, never ㄴ다
    ['나온다', '나오'],
    ['바꾼다', '바꾸'],
    ['열린다', '열리'],
    // endings no noun takes
    ['바꾸고', '바꾸'],
    ['바꾸려면', '바꾸'],
    ['끝나면', '끝나'],
    ['되돌리며', '되돌리'],
    // the noun form in ㅁ a table writes a state with: 켜짐 is the 켜져 a user types
    ['켜짐', '켜지'],
    ['꺼짐', '꺼지'],
    ['깜빡임', '깜빡이'],
  ])('%s → %s', (word, stem) => {
    expect(verbStems(word)).toContain(stem);
  });

  it.each<[string, string]>([
    // the noun-modifying forms a question uses, read only when asked for
    ['바꾼', '바꾸'],
    ['열린', '열리'],
    ['숨진', '숨지'],
    ['오른', '오르'],
    ['만든', '만들'],
    ['되돌리는', '되돌리'],
  ])('question form %s → %s', (word, stem) => {
    expect(verbStems(word, { modifiers: true })).toContain(stem);
    expect(verbStems(word)).not.toContain(stem);
  });

  it.each<string>([
    // nouns, nouns with a particle or copula: no stem
    '서울',
    '결론',
    '사회는',
    '학교야',
    '바다',
    '학교다',
    '사람이다',
    // one-syllable stems are too ambiguous to keep (늘다, 넣다, 가다)
    '늘었다',
    '넣었다',
    '갔다',
    // 하다 and 되다 verbs: the noun is indexed already
    '발표했다',
    '취소됐다',
    '개발하고',
  ])('%s yields no stem', (word) => {
    expect(verbStems(word)).toEqual([]);
  });

  it('never yields a stem ending in the past tense ㅆ', () => {
    for (const word of ['열렸어', '바꿨어요', '올랐는데', '숨졌지만']) {
      for (const stem of verbStems(word, { modifiers: true })) expect(stem).not.toMatch(/[았었였렸꿨졌랐]$/);
    }
  });
});

describe('stem terms in the analyzer', () => {
  it('meets a question form and a passage form of one verb', () => {
    const question = analyze('허가 조건을 바꾼 건 언제야?', { query: true });
    const passage = analyze('식품의약품안전처는 8일 허가 조건을 바꿔 검사를 의무화했다.');
    expect(question).toContain(stemTerm('바꾸'));
    expect(passage).toContain(stemTerm('바꾸'));
    // Bigrams alone never met: 바꾼 and 바꿔 share none.
    expect(question.filter((term) => !isStemTerm(term) && passage.includes(term) && term.includes('바'))).toEqual([]);
  });

  it('reads noun-modifying forms only in questions, so a passage noun ending in ㄴ is not counted twice', () => {
    expect(analyze('서울에서 열린 대회').some(isStemTerm)).toBe(false);
    expect(analyze('서울에서 열린 대회는?', { query: true })).toContain(stemTerm('열리'));
  });
});
