// Companies as Korean text names them, for answers to 어느 회사 and 누가: a trade suffix after the name
// ("한성모터스", "다온식품", "온새벤처스"), or the name after its kind. (A name in quotation marks or Latin
// letters is answer-forms.ts's NAME_ANSWER.)
export const COMPANY =
  /[가-힣]{2,}(전자|모터스|자동차|식품|건설|제약|바이오|화학|은행|증권|보험|카드|항공|통신|텔레콤|소재|중공업|물산|상사|그룹|홀딩스|엔터테인먼트|산업|에너지|랩스|테크|커머스|벤처스|파트너스|캐피탈|제철|철강|해운|유통|푸드|게임즈|소프트|반도체|도시공사)/g;

// A company named after its kind, as news introduces one ("배터리 소재 기업 누리셀과", "스타트업 비토랩스가").
// It may also read a common noun (기업 대출이): it only lets a sentence answer, the ranker still chooses.
const COMPANY_AFTER_KIND =
  /(?<![가-힣])(?:기업|업체|스타트업|제조사|협력사)\s+([가-힣A-Za-z][가-힣A-Za-z0-9]{1,10}?)(?:과|와|이|가|은|는|의|를|을|에|도)(?![가-힣])/g;

/** A company named in the sentence that the question does not already name. */
export function companiesOtherThan(sentence: string, question: string): boolean {
  const asked = question.replace(/\s+/g, '');
  const other = (name: string) => !asked.includes(name);
  return (
    [...sentence.matchAll(COMPANY)].some(([name]) => other(name)) ||
    [...sentence.matchAll(COMPANY_AFTER_KIND)].some(([, name]) => other(name!))
  );
}
