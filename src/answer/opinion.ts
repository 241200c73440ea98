// Questions that ask the bot for a judgement, a forecast or advice ("지금 사도 될까?",
// "어떻게 생각해?", "전망은?"): articles report facts, so every answerer declines them
// politely instead of quoting company facts as if they answered.

// Each row: a Korean way of asking for an opinion or advice, with an example.
export const OPINION_FORMS: Array<{ form: RegExp; example: string }> = [
  {
    form: /(사도|사면|팔아도|팔면|투자해도)\s*(될까|되나|돼\?|되겠|괜찮|좋을까|좋아\?|좋겠)/,
    example: '지금 주식 사도 될까?',
  },
  // Joining, using or switching asks advice only as "should I" (될까, 좋을까): "각자 계정 써도 되나요?" and
  // "찜질방 들어가도 괜찮나요?" ask what is allowed or safe, which a help page states.
  { form: /(가입해도|들어가도|써도|바꿔도)\s*(될까|좋을까|좋겠)/, example: '지금 그 적금 가입해도 될까?' },
  { form: /(살까|팔까|할까|갈까|고를까|쓸까|바꿀까)[,\s]*(아니면|말까|\?|$)/, example: '살까, 아니면 기다릴까?' },
  { form: /어떻게\s*생각|네\s*생각|너의\s*생각|당신\s*생각|의견은|의견이\s*뭐/, example: '그 선수 이적 어떻게 생각해?' },
  {
    form: /(전망|예상|예측)(은|이|해\s*줘|해줘|해\s*봐|해봐)\s*(어때|어떻게|뭐|\?|$)|(전망|예상|예측)\s*(좀|한번|한\s번)\s*(해|부탁)|앞으로\s*([가-힣]+\s*){0,2}?(오를까|내릴까|떨어질까|어떻게\s*될까|될까)|(오를까|떨어질까|내릴까)\s*\??$/,
    example: '집값 전망은?',
  },
  {
    form: /(추천해|추천\s*좀|골라\s*줘|골라줘|뭐가\s*(더\s*)?나아|어느\s*(게|쪽이)\s*(더\s*)?(나아|좋아|나을까)|나을까\??$)/,
    example: '둘 중 뭐가 더 나아?',
  },
  { form: /(잘한|잘못한|옳은|맞는)\s*(결정|선택|일)(일까|이야|인가|인지)/, example: '그건 잘한 결정일까?' },
  // A guess asked of the bot: "우승할 것 같아?", "이길까?". Without its question mark, "…것 같아요" tells the
  // user's own impression ("비싸게 나온 것 같아요"), a complaint to answer, not a guess asked.
  {
    form: /것\s*같(니|냐|나요|습니까)\s*[?？]?\s*$|것\s*같(아|아요)\s*[?？]\s*$|(우승|승리|당선|합격|통과)(할까|될까|하겠어|할\s*수\s*있을까)|이길까|질까\s*[?？]?\s*$/,
    example: '그 팀 챔프전 우승할 것 같아?',
  },
];

export const OPINION_REFUSAL_TEXT =
  '기사는 사실을 전할 뿐이라, 투자나 구매 같은 판단이나 의견은 드릴 수 없습니다. 기사에 나온 사실을 물어봐 주세요.';

/** True when the question asks for a judgement, forecast or advice rather than a fact. */
export function isOpinionQuestion(question: string): boolean {
  return OPINION_FORMS.some(({ form }) => form.test(question));
}
