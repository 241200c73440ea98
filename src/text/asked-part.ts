// What a question asks, without the reason a user adds after it. Users write "카메라 몇 대까지 돼요? 쌍둥이라
// 방이 두 개예요" or "환불되나요? 영상은 한 번도 안 봤어요": the sentence after the question mark explains
// why they ask and names words ("방", "영상") that pull in other pages. Such a tail is dropped when it asks
// nothing (no question word, no request, no time it wants the answer for) and ends as Korean explanations
// end (-어서요, -거든요, -려고요, -는데, -라서 …). A fact of Korean usage, in a table with tests.

/** Endings of an explanation or a remark, not of a question. */
const EXPLAINING_END =
  /(서요|거든요?|려고요|려구요|는데요?|은데요?|인데요?|ㄴ데요?|던데요?|라서|이라|어서|아서|해서|게요|봤어요|했어요|었어요|았어요|에요|예요|이에요)[ㅠㅜ.!~]*$/;

/** Words that make a tail ask something after all: a question word, a request, a time the answer is wanted for. */
const STILL_ASKS = /몇|뭐|무엇|무슨|어디|언제|얼마|누구|누가|왜|어떻|어떤|어느|알려|해줘|해 줘|주세요|최신|최근|기준|[?？]/;

/** The question without an explaining tail after its question mark. */
export function askedPart(question: string): string {
  const parts = question.split(/(?<=[?？])\s+/);
  if (parts.length < 2) return question;
  let end = parts.length;
  while (end > 1 && !STILL_ASKS.test(parts[end - 1]!) && EXPLAINING_END.test(parts[end - 1]!.trim())) end--;
  return parts.slice(0, end).join(' ');
}
