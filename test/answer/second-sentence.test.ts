import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { chooseOpening, rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { secondSentence } from '../../src/answer/second-sentence.js';
import { FITTED_SENTENCE_MODEL } from '../../src/answer/sentence-weights.js';

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };

const hit = (id: string, title: string, text: string, score: number): Hit => ({
  chunk: { id: `${id}#0`, articleId: id, index: 0, start: 0, end: text.length, text },
  article: { id, title, origin: id },
  score,
});

/** A news passage: dated, so the news-only rules apply. */
const dated = (id: string, title: string, date: string, text: string, score: number): Hit => {
  const news = hit(id, title, text, score);
  return { ...news, article: { ...news.article, date } };
};

describe('the second sentence', () => {
  const STORM = hit('storm', '태풍 미리내 상륙', '태풍 미리내로 해령시에 387㎜의 비가 내렸다.', 2);
  const ELECTION = hit('election', '해령시장 재선거 개표', '박 후보 측은 비가 와도 표가 많이 남았다고 밝혔다.', 1.5);

  it('never comes from another article that names none of the question’s content words (only 비 and 많이)', () => {
    const question = '태풍 미리내 때 비가 얼마나 많이 왔어?';
    const chosen = selectSentences(question, rankSentences(question, [STORM, ELECTION], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.hit.article.id)).toEqual(['storm']);
  });

  it('may come from another article that names the question’s subject', () => {
    const UPDATE = hit('update', '태풍 미리내 피해 집계', '태풍 미리내로 비가 가장 많이 온 곳은 솔뫼군이었다.', 1.5);
    const question = '태풍 미리내 때 비가 얼마나 많이 왔어?';
    const chosen = selectSentences(question, rankSentences(question, [STORM, UPDATE], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.hit.article.id)).toEqual(['storm', 'update']);
  });
});

describe('a short lead-in', () => {
  const BREACH = dated(
    'breach',
    '마루마켓 유출 피해 38만 명으로 늘어',
    '2025-12-11',
    '마루마켓 회원 정보 유출 피해 규모가 세 배로 커졌다. 유출 원인도 달라졌다. 조사 결과 협력업체 직원의 관리자 계정이 도용된 것으로 드러났다. 회사는 피해 회원에게 문자로 알렸다.',
    2,
  );

  it('is quoted with the sentence after it, which tells what it announces', () => {
    const question = '마루마켓 정보 유출 원인이 결국 뭐였어?';
    const chosen = selectSentences(question, rankSentences(question, [BREACH], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.text)).toEqual([
      '유출 원인도 달라졌다.',
      '조사 결과 협력업체 직원의 관리자 계정이 도용된 것으로 드러났다.',
    ]);
  });
});

describe('a labelled list item on a help page', () => {
  const SMOKE = hit(
    'smoke',
    '연기가 날 때',
    '## 연기가 날 때\n\n- 흰 연기: 기름진 고기에서 기름이 떨어지며 생기는 연기입니다. 굽기 전에 바닥에 물 두 큰술을 부으면 줄어듭니다.\n- 검은 연기: 음식이 타고 있다는 신호입니다. 바로 전원 버튼을 눌러 멈추세요.\n',
    2,
  );
  const second = (question: string) => {
    const candidates = rankSentences(question, [SMOKE], lexicon);
    const first = candidates.find((candidate) => candidate.text.startsWith('- 흰 연기'))!;
    return secondSentence(question, first, candidates, lexicon, FITTED_SENTENCE_MODEL, undefined, () => true)?.text;
  };

  it('goes on with what to do, in the same item, not with the next item that shares more words', () => {
    expect(second('고기 구우면 연기가 나요 고장인가요?')).toBe('굽기 전에 바닥에 물 두 큰술을 부으면 줄어듭니다.');
  });

  it('does not go on when the sentence after is no instruction', () => {
    const plain = hit('plain', '보증', '- 무상 연장: 구독 중에는 보증이 이어집니다. 부품비도 받지 않습니다.\n', 2);
    const question = '구독하면 보증이 이어지나요?';
    const candidates = rankSentences(question, [plain], lexicon);
    const first = candidates.find((candidate) => candidate.text.startsWith('- 무상'))!;
    const next = secondSentence(question, first, candidates, lexicon, FITTED_SENTENCE_MODEL, undefined, () => true);
    expect(next?.text).not.toBe('부품비도 받지 않습니다.');
  });
});

describe('a second sentence from another news article', () => {
  // The second game's report, and the first game's (headlines worded apart, so no look-alike by
  // headline), whose coach speaks of the second game.
  const GAME2 = dated(
    'game2',
    '블루윙스, 2차전도 잡고 창단 첫 통합우승',
    '2025-04-09',
    '블루윙스는 8일 챔피언결정전 2차전에서 썬더스를 68-65로 이겼다.',
    3,
  );
  const GAME1 = dated(
    'game1',
    '다온 블루윙스, 챔프전 1차전서 썬더스에 81-74 역전승',
    '2025-04-06',
    '배성호 블루윙스 감독은 2차전에서도 막판 집중력으로 이겨 우승을 확정하겠다고 말했다.',
    2.8,
  );

  it('never comes from a look-alike whose headline names another round than the question', () => {
    const question = '블루윙스 2차전 어떻게 이겼어?';
    const chosen = selectSentences(question, rankSentences(question, [GAME2, GAME1], lexicon), lexicon);
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.every((sentence) => sentence.hit.article.id === 'game2')).toBe(true);
  });
});

describe('a why question in the news', () => {
  const RATE = dated(
    'water',
    '해솔시 수도요금 내년 1월부터 오른다',
    '2025-07-11',
    '해솔시 수도요금이 내년 1월부터 1t당 720원에서 810원으로 오른다. 낡은 수도관을 바꾸는 데 돈이 많이 들기 때문이다.',
    3,
  );

  it('opens with the sentence that gives a reason, not the one that restates the rise', () => {
    const question = '해솔시는 수도요금을 왜 올리는 거야?';
    const ranked = rankSentences(question, [RATE], lexicon);
    expect(ranked[0]?.text).toContain('810원');
    // The opening, whatever the refusal model makes of a one-article corpus.
    expect(chooseOpening(question, ranked, lexicon)?.first.text).toContain('때문');
  });
});

describe('a name question in the news', () => {
  const BUS = dated(
    'callbus',
    '해온시, 부르면 오는 콜버스 운행',
    '2025-03-05',
    "해온시는 오는 10일부터 17개 마을에서 '해온콜버스' 운행을 시작한다고 5일 밝혔다. 버스를 타려면 전용 앱으로 부르면 된다.",
    3,
  );

  it('does not open with a name the question already says', () => {
    const question = '해온콜버스 호출 앱 이름이 뭐야?';
    expect(chooseOpening(question, rankSentences(question, [BUS], lexicon), lexicon)).toBeUndefined();
  });

  it('opens with the sentence that names the app when the article gives it', () => {
    const named = dated('callbus', BUS.article.title, '2025-03-05', `${BUS.chunk.text} 호출 앱 이름은 '콜온'이다.`, 3);
    const question = '해온콜버스 호출 앱 이름이 뭐야?';
    expect(chooseOpening(question, rankSentences(question, [named], lexicon), lexicon)?.first.text).toContain("'콜온'");
  });
});

describe('a question on one end of a pair', () => {
  const MUSEUM = dated(
    'museum',
    '온누리미술관 책가도 기획전',
    '2025-07-18',
    '미술관은 매주 수요일과 토요일에는 오후 9시까지 문을 연다. 관람료는 성인 5,000원이다.',
    3,
  );

  it('is not answered by a sentence on the other end (open days for a closing day)', () => {
    const question = '온누리미술관은 무슨 요일에 쉬어?';
    expect(chooseOpening(question, rankSentences(question, [MUSEUM], lexicon), lexicon)).toBeUndefined();
    const open = '온누리미술관은 무슨 요일에 늦게까지 문을 열어?';
    expect(chooseOpening(open, rankSentences(open, [MUSEUM], lexicon), lexicon)?.first.text).toContain('수요일');
  });
});

describe('a question on a named sum', () => {
  const BRIDGE = dated(
    'bridge',
    '해오름대교 23일 개통',
    '2025-08-13',
    '해오름대교가 오는 23일 개통한다. 공사비는 모두 2940억 원이 들었다. 통행료는 시의회 심의를 거쳐 정한다.',
    3,
  );

  it('is not answered by the sentence on another sum', () => {
    const question = '해오름대교 통행료 얼마야?';
    expect(chooseOpening(question, rankSentences(question, [BRIDGE], lexicon), lexicon)).toBeUndefined();
    const cost = '해오름대교 공사비 얼마 들었어?';
    expect(chooseOpening(cost, rankSentences(cost, [BRIDGE], lexicon), lexicon)?.first.text).toContain('2940억');
  });
});

describe('a question on when something starts', () => {
  const RATE = dated(
    'water-rate',
    '해솔시 수도요금 오른다',
    '2025-07-11',
    '해솔시가 수도요금을 올리는 것은 2019년 인상 이후 6년 만이다. 인상된 요금은 내년 1월부터 적용된다.',
    3,
  );

  it('prefers the sentence that says from when over one that only holds a time', () => {
    const question = '해솔시 수도요금 인상 언제부터 적용돼요?';
    const ranked = rankSentences(question, [RATE], lexicon);
    expect(ranked[0]?.text).toContain('2019년');
    expect(chooseOpening(question, ranked, lexicon)?.first.text).toContain('1월부터');
  });
});

describe('a question naming a code', () => {
  const FAQ = hit('faq', '오류 코드', 'E-203은 이체 한도 초과 오류입니다. E-105는 인증서가 만료되었다는 뜻입니다.', 3);

  it('is refused when no passage holds the code, and answered when one does', () => {
    const unknown = 'E-502 오류 코드가 떠요. 이건 뭐예요?';
    expect(chooseOpening(unknown, rankSentences(unknown, [FAQ], lexicon), lexicon)).toBeUndefined();
    const known = 'E-203 오류 코드가 떠요. 이건 뭐예요?';
    expect(chooseOpening(known, rankSentences(known, [FAQ], lexicon), lexicon)?.first.text).toContain('E-203');
  });
});

describe('news articles about the subject', () => {
  // A tourism report that mentions the typhoon in passing, and the typhoon's own report.
  const TOURISM = dated(
    'tourism',
    '7월 외국인 관광객 185만 명',
    '2025-08-29',
    "지난 20일 남해안에 상륙한 태풍 '미리내'로 크루즈 기항 일정이 취소됐다. 외국인 관광객은 185만 명이었다.",
    2.9,
  );
  const STORM = dated(
    'storm',
    "태풍 '미리내' 남해안 강타",
    '2025-08-21',
    '태풍 미리내는 20일 오후 9시께 해령시 남쪽 해안에 상륙했다. 상륙 당시 최대풍속은 초속 38m였다.',
    3,
  );

  it('open with the article whose headline names the subject, and add nothing from the one that mentions it in passing', () => {
    // The tourism sentence holds every question word and scores a little higher (within a factor of e).
    const question = '태풍 미리내가 상륙한 날이 언제야?';
    const ranked = rankSentences(question, [STORM, TOURISM], lexicon);
    expect(ranked[0]?.hit.article.id).toBe('tourism');
    const chosen = selectSentences(question, ranked, lexicon);
    expect(chosen.map((sentence) => sentence.hit.article.id)).toEqual(chosen.length === 2 ? ['storm', 'storm'] : ['storm']);
    expect(chosen[0]?.text).toContain('20일 오후 9시께');
  });

  it('go on in their own article when it has what to add', () => {
    const NOMINEE = dated(
      'nominee',
      '해담은행 차기 행장에 윤서진 부행장',
      '2025-12-19',
      '해담은행 차기 행장 후보로 윤서진 부행장이 추천됐다. 윤 부행장은 1993년 해담은행에 입행했다.',
      2,
    );
    const RESULTS = dated(
      'results',
      "콘퍼런스콜 연 윤서진 '대출 늘린다'",
      '2025-04-25',
      '윤서진 해담은행 부행장은 콘퍼런스콜에서 실적을 설명했다.',
      1.9,
    );
    const question = '윤서진은 해담은행에 언제 들어왔어?';
    const chosen = selectSentences(question, rankSentences(question, [RESULTS, NOMINEE], lexicon), lexicon);
    expect(chosen[0]?.text).toContain('1993년');
    expect(chosen.map((sentence) => sentence.hit.article.id).every((id) => id === 'nominee')).toBe(true);
  });
});

describe('another news article beside the answer', () => {
  it('must hold the asked kind when the question asks one with a visible form', () => {
    const RECOVERY = dated(
      'recovery',
      "'미리내' 피해 복구 지원",
      '2025-09-05',
      '해령시는 자체 예산 45억 원을 들여 미리내 복구에 나서기로 했다.',
      3,
    );
    const LANDFALL = dated('landfall', "태풍 '미리내' 남해안 강타", '2025-08-21', '미리내로 끊긴 전기는 2만7000가구에서 복구됐다.', 2.9);
    const question = '미리내 복구에 돈이 얼마나 들어가?';
    const chosen = selectSentences(question, rankSentences(question, [RECOVERY, LANDFALL], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.hit.article.id)).toEqual(['recovery']);
  });
});

describe('times and rounds a question names', () => {
  it('must be in a news article, which reports one game of a series: no third game in a report of the first', () => {
    const CUP = dated('cup', '청솔시티, 한빛컵 결승 1차전 승리', '2025-11-02', '청솔시티가 한빛컵 결승 1차전에서 해온을 2-1로 이겼다.', 2);
    expect(chooseOpening('한빛컵 결승 3차전 결과는?', rankSentences('한빛컵 결승 3차전 결과는?', [CUP], lexicon), lexicon)).toBeUndefined();
    expect(chooseOpening('한빛컵 결승 1차전 결과는?', rankSentences('한빛컵 결승 1차전 결과는?', [CUP], lexicon), lexicon)).toBeDefined();
  });

  it('need not be in an undated encyclopedia passage, whose article states the year elsewhere', () => {
    const PARTY = hit('party', '민주자유당', '민주자유당은 세 정당의 합당으로 창당된 보수 정당이다.', 2);
    const question = '1990년 세 정당의 합당으로 창당된 정당은?';
    expect(chooseOpening(question, rankSentences(question, [PARTY], lexicon), lexicon)?.first.hit.article.id).toBe('party');
  });
});

describe('the topic a question opens with', () => {
  it('may be named by the article’s title alone: an encyclopedia passage says 그 for its subject', () => {
    const PLAYER = hit('player', '강정호', '그는 2014년 시즌에 유격수로 홈런 40개를 기록했다.', 2);
    const question = '강정호는 2014년에 홈런을 몇 개 쳤어?';
    expect(chooseOpening(question, rankSentences(question, [PLAYER], lexicon), lexicon)?.first.hit.article.id).toBe('player');
    // Named nowhere, not even in the title, it is not what the passage is about.
    const OTHER = hit('other', '박병호', '그는 2014년 시즌에 홈런 52개를 기록했다.', 2);
    expect(chooseOpening(question, rankSentences(question, [OTHER], lexicon), lexicon)).toBeUndefined();
  });
});

describe('a sentence that goes on from the opening', () => {
  const CABINET = hit(
    'cabinet',
    '의원내각제',
    '전쟁 같은 비상 시국에는 의회의 모든 정당이 내각에 참여하기도 한다. 이때 세워지는 내각을 거국일치내각이라고 부른다. 의원내각제는 영국에서 시작되었다.',
    2,
  );
  // No second sentence by the model's probability: what is left is the continuation.
  const strict = { ...FITTED_SENTENCE_MODEL, secondMinProbability: 1.01, secondLikelyProbability: 1.01 };
  const question = '비상 시국에 모든 정당이 내각에 참여하는 것을 뭐라고 해?';
  const ranked = rankSentences(question, [CABINET], lexicon);
  const sentence = (start: string) => ranked.find((candidate) => candidate.text.startsWith(start))!;

  it('follows an undated opening when it starts from it (이때, 이를)', () => {
    const next = secondSentence(question, sentence('전쟁'), ranked, lexicon, strict, undefined, () => true);
    expect(next?.text).toBe('이때 세워지는 내각을 거국일치내각이라고 부른다.');
  });

  it('is not any next sentence', () => {
    expect(secondSentence(question, sentence('이때'), ranked, lexicon, strict, undefined, () => true)).toBeUndefined();
  });
});

/** The opening chosen when the sentences that hold `marked` trail the others by `lead` in model score
 *  (a negative lead puts them ahead). */
const openingWhenTrailing = (question: string, hits: Hit[], marked: string, lead: number): string | undefined => {
  const ranked = rankSentences(question, hits, lexicon);
  for (const candidate of ranked) candidate.score = candidate.text.includes(marked) ? 8 - lead : 8;
  return chooseOpening(
    question,
    ranked.sort((a, b) => b.score - a.score),
    lexicon,
  )?.first.text;
};

describe('a why question in the news, answered by a quote and by a cause', () => {
  const EARNINGS = dated(
    'earnings',
    '한결소재 1분기 영업이익 812억 원',
    '2025-04-29',
    '한결소재 부사장은 "올해 실적이 잘 나왔다"며 "2분기에도 좋을 것"이라고 말했다. 한결소재 실적 개선은 양극재 판매 덕분이다.',
    3,
  );
  const question = '한결소재 실적 왜 이렇게 잘 나온 거야?';
  /** The opening with the quote ahead of the cause by `lead` in model score. */
  const opening = (lead: number) => openingWhenTrailing(question, [EARNINGS], '덕분', lead);

  it('opens with the sentence of the same report that names the cause, though it scores lower', () => {
    expect(opening(0.5)).toContain('덕분이다');
    expect(opening(3)).toContain('덕분이다');
  });

  it('keeps the quote when the cause scores far lower', () => {
    expect(opening(5)).toContain('말했다');
  });
});

describe('a from-when question in the news, answered by a record and by a start', () => {
  const FEES = dated(
    'fees',
    '세린시 공영주차장 요금 인상',
    '2026-01-13',
    '요금이 오르는 것은 2014년 이후 처음이다. 세린시는 다음 달 1일부터 공영주차장 요금을 올린다.',
    3,
  );
  const question = '세린시 주차 요금 언제부터 올라?';
  const opening = (lead: number, hits = [FEES]) => openingWhenTrailing(question, hits, '부터', lead);

  it('opens with the sentence of the same report that says from when, though it scores lower', () => {
    expect(opening(1.5)).toContain('1일부터');
    expect(opening(3.5)).toContain('1일부터');
  });

  it('keeps the opening when the start scores far lower, and on a page with no date only when about as likely', () => {
    expect(opening(5)).toContain('처음이다');
    const page = hit('fees', FEES.article.title, FEES.chunk.text, 3);
    expect(opening(1.5, [page])).toContain('처음이다');
    expect(opening(0.5, [page])).toContain('1일부터');
  });
});

describe('a total asked in the news, answered by the sentence that sums', () => {
  const ARRESTS = dated(
    'arrests',
    '보이스피싱 조직 27명 검거',
    '2026-01-23',
    '경찰은 지난 12일 조직원 21명을 검거했다. 경찰은 수거책 6명을 추가로 붙잡아 검거 인원은 모두 27명이 됐다.',
    3,
  );
  const opening = (question: string) => openingWhenTrailing(question, [ARRESTS], '모두', 2);

  it('opens with the total when the question asks 총 or 모두, though it scores lower', () => {
    expect(opening('보이스피싱 조직원 총 몇 명 잡았어?')).toContain('27명');
    expect(opening('다 합쳐서 몇 명 검거했어?')).toContain('27명');
  });

  it('keeps the opening when no total is asked', () => {
    expect(opening('보이스피싱 조직원 몇 명 잡았어?')).toContain('21명');
  });

  it('reads a total named before its noun ("누적 강수량은 412㎜") as one, over a rate per hour', () => {
    const RAIN = dated(
      'rain',
      '운평군 사흘간 폭우',
      '2026-07-14',
      '13일 새벽 관측소에는 시간당 87㎜의 비가 쏟아졌다. 11일부터 13일까지 운평군의 누적 강수량은 412㎜로 집계됐다.',
      3,
    );
    expect(openingWhenTrailing('운평군에 사흘 동안 비가 총 몇 mm 왔어?', [RAIN], '누적', 2)).toContain('412㎜');
    expect(openingWhenTrailing('운평군에 새벽에 비가 몇 mm 왔어?', [RAIN], '누적', 2)).toContain('87㎜');
  });
});

describe('a kind asked in the news (무슨 고래야?), answered by a compound of it', () => {
  const WHALE = dated(
    'whale',
    '밧줄에 감긴 고래 구조',
    '2026-01-10',
    '지난해 은포 앞바다에서 밧줄에 걸린 고래는 11마리였다. 꼬리가 감겨 허우적대던 밍크고래가 무사히 풀려났다.',
    3,
  );
  const question = '은포 앞바다에서 밧줄에 걸렸던 고래 무슨 고래야?';
  const opening = (lead: number, hits = [WHALE]) => openingWhenTrailing(question, hits, '밍크고래', lead);

  it('opens with the sentence of the report that names the kind, wherever it stands', () => {
    expect(opening(6)).toContain('밍크고래');
  });

  it('on a page with no date, only when about as likely', () => {
    const page = hit('whale', WHALE.article.title, WHALE.chunk.text, 3);
    expect(opening(6, [page])).toContain('11마리');
    expect(opening(0.5, [page])).toContain('밍크고래');
  });
});

describe('last year asked in the news, and the sentence before', () => {
  const BIRTHS = dated(
    'births',
    '솔바군 출산 장려금 확대',
    '2026-01-05',
    '솔바군의 지난해 출생아는 87명이다. 10년 전인 2015년에는 한 해 260명이 넘는 아이가 태어났다. 이 가운데 셋째는 9명이다.',
    3,
  );

  it('does not lend the year to a sentence that names another (2015년), however it scores', () => {
    expect(openingWhenTrailing('솔바군 작년에 태어난 아기 몇 명이었대?', [BIRTHS], '2015년', -1)).toContain('87명');
  });

  it('lends it to one that goes on without a year of its own', () => {
    const continued = dated(
      'births',
      BIRTHS.article.title,
      '2026-01-05',
      '솔바군의 지난해 출생아는 87명이다. 이 가운데 셋째는 9명이다.',
      3,
    );
    expect(openingWhenTrailing('솔바군 작년에 태어난 셋째는 몇 명이야?', [continued], '셋째', -1)).toContain('9명');
  });
});

describe('a when question in the news asks the time of its event', () => {
  const question = '볼텐에너지 당진 공장은 언제 완공돼요?';
  it('is not answered by the time of another event', () => {
    // 완공 is in the passage, but not in the sentence that gives a time.
    const FOUNDED = dated(
      'founded',
      '볼텐에너지 당진 공장',
      '2025-09-04',
      '볼텐에너지는 2021년 당진 공장 부지를 사들였다. 회사는 공장 완공 뒤 직원을 더 뽑는다.',
      3,
    );
    expect(chooseOpening(question, rankSentences(question, [FOUNDED], lexicon), lexicon)).toBeUndefined();
  });

  it('is answered by the sentence that names the event', () => {
    const BUILT = dated(
      'built',
      '볼텐에너지 당진 공장 착공',
      '2025-09-04',
      '볼텐에너지는 2021년 설립됐다. 당진 공장은 2027년 상반기 완공된다.',
      3,
    );
    expect(chooseOpening(question, rankSentences(question, [BUILT], lexicon), lexicon)?.first.text).toContain('완공');
  });
});

describe('a question asked in two parts', () => {
  const FESTIVAL = dated(
    'festival',
    '송림 국화축제 25일 개막',
    '2025-10-24',
    '군은 올해 국화축제 관람객 목표를 60만명으로 잡았다. 개막일에는 국화축제 불꽃놀이가 펼쳐진다. 지난해 축제에는 52만명이 다녀갔다.',
    2,
  );

  it('adds the sentence that answers the part the first does not (last year’s count beside this year’s goal)', () => {
    const question = '국화축제 작년엔 몇 명 왔어? 올해 목표는?';
    const chosen = selectSentences(question, rankSentences(question, [FESTIVAL], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.text).join(' ')).toContain('52만명');
    expect(chosen.map((sentence) => sentence.text).join(' ')).toContain('60만명');
  });
});

describe('a second sentence that holds the asked kind', () => {
  const MUSEUM = dated(
    'museum',
    '가온박물관 옹기 특별전',
    '2026-01-15',
    '가온박물관은 16일부터 옹기 특별전을 연다. 이번 전시에는 옹기 143점이 나온다. 관람료는 무료이며 오전 10시에 문을 연다.',
    2,
  );
  const question = '옹기 특별전 돈 내고 봐야 돼?';
  const ranked = (scores: number[]) => {
    const candidates = rankSentences(question, [MUSEUM], lexicon).sort((a, b) => a.start - b.start);
    candidates.forEach((candidate, i) => (candidate.score = scores[i]!));
    return candidates.sort((a, b) => b.score - a.score);
  };
  const second = (candidates: ReturnType<typeof ranked>) =>
    secondSentence(question, candidates[0]!, candidates, lexicon, FITTED_SENTENCE_MODEL, { kind: 'cost' }, () => true)?.text;

  it('comes before a likelier sentence when the first lacks the asked kind (whether it costs)', () => {
    expect(second(ranked([5, 4.9, 3]))).toBe('관람료는 무료이며 오전 10시에 문을 연다.');
  });

  it('is not forced when the first already holds the kind', () => {
    // The fee sentence opens; the likeliest other sentence follows as before.
    expect(second(ranked([4.9, 3, 5]))).toBe('가온박물관은 16일부터 옹기 특별전을 연다.');
  });
});
