// A user's aside after the question ("…언제부터 다시 다닌대? 출퇴근 때문에 미치겠네", "…몇 프로 뽑는다고
// 했어? 동생이 취업 준비 중이라"): it says why they ask, in words no passage holds, and it lowers what the
// answerer believes of a passage that answers the question itself.

/** Question words: a clause with one asks something itself ("가격은요?", "몇 시간이나 버텨요"). */
const ASKS = /(몇|얼마|뭐|무엇|무슨|언제|어디|누구|누가|어떻게|어떤|어느|왜)/;

/** Endings that give a reason, a purpose or a circumstance, and no question: -거든요, -어서요, -(이)라서,
 *  -(으)려고요, -는데, -니까, and the feelings a user adds (궁금해서, 걱정돼서, 미치겠네). */
// prettier-ignore
const ASIDE_END = new RegExp(
  '(' + [
    '거든요?', '[아어여해]서요?', '라서요?', '이라', '중이라', '려고요?', '게요', '는데요?', '인데요?', '니까요?',
    '궁금함', '궁금해서요?', '걱정돼서요?', '쓰여서요?', '겠네', '잖아요?',
  ].join('|') + ')\\s*[.!~ㅠㅜㅎㅋ]*$',
);

/** The question without a trailing aside: the text after its last question mark when that text asks
 *  nothing and ends as a reason or a circumstance does. The question itself when it has none. */
export function withoutAside(question: string): string {
  const match = /[?？]\s*([^?？]+)$/.exec(question);
  const tail = match?.[1]?.trim();
  if (!match || !tail || ASKS.test(tail) || !ASIDE_END.test(tail)) return question;
  return question.slice(0, match.index + 1).trim();
}
