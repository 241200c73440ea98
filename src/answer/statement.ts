// What kind of sentence a span is: only statements answer. FAQ and help pages put the
// most question-like text in their headings and in the FAQ's own questions ("코드명은
// 어디서 왔나요?"), and news pages add captions, bylines and list labels; quoting those
// answers nothing. Korean facts live in the tables below, each with tests.

export type SentenceKind = 'statement' | 'question' | 'heading' | 'fragment' | 'caption';

// Endings that close a Korean statement (declarative predicate) or a nominal headline
// ending that news and help pages use as statements ("…키로", "…했음", "…함").
const STATEMENT_END = /(다|요|음|함|임|됨|짐|니다|세요|시오|십시오|키로|로|죠|네|군|지)\s*["'”’)\]]*\s*[.!。…]*\s*["'”’)\]]*$/;
// Interrogative endings: "…나요?", "…까요", "…습니까", "…는가", "…을까", "…인가요".
const QUESTION_END = /(\?|？)\s*["'”’)\]]*$|(나요|까요|니까|는가|ㄴ가|인가|을까|ㄹ까|는지요|던가|냐|니)\s*["'”’)\]]*\s*[.]?$/;
// Captions, credits, bylines and copyright lines.
const CAPTION =
  /^\(?\s*(사진|그래픽|자료|영상|출처|사진제공|이미지)\s*[=:]|무단\s*전재|재배포\s*금지|^[가-힣]{2,4}\s*(기자|특파원)\s*[=\w.-]*@|^\[[^\]]{1,20}\]$|^[가-힣]{2,4}\s*(기자|특파원)$|ⓒ|©|Copyright/i;

// A lead-in that only announces the list or example after it ("주요 기능은 다음과 같습니다.",
// "설정 방법:"): like a list label, it answers nothing itself.
const LEAD_IN = /(다음과|아래와)\s*같(습니다|다|아요)\s*[.:：]?\s*$|[:：]\s*$/;

// A list item that gives a label its value ("- 전체 노트 검색: Ctrl+Shift+F", "보관 기간: 30일"): help
// pages and fact boxes state a fact so, with no predicate.
const LABELLED_VALUE = /^[-*•·]?\s*[^:：]{2,40}[:：]\s*\S/;

// A Markdown table row ("| 월간 | 월 9,900원 | 매달 자동 결제 |", "| 파란색 깜빡임 | 주차 녹화 대기 |"): a
// row of the table's body states a fact as a list item does, even in labels; the header is the row
// the delimiter row (|---|) follows. Without the next line, a row that holds a figure or a
// predicate is a statement.
const TABLE_ROW = /^\|(.*)\|$/;
const DELIMITER_CELL = /^:?-*:?$/;

function tableCells(text: string): string[] | undefined {
  return TABLE_ROW.exec(text.trim())?.[1]
    ?.split('|')
    .map((cell) => cell.trim());
}

function tableRowKind(text: string, nextLine: string | undefined): SentenceKind | undefined {
  const cells = tableCells(text);
  if (!cells) return undefined;
  if (cells.every((cell) => DELIMITER_CELL.test(cell))) return 'fragment';
  if (cells.filter(Boolean).length < 2) return 'heading';
  if (nextLine !== undefined) {
    const next = tableCells(nextLine);
    return next?.every((cell) => DELIMITER_CELL.test(cell)) ? 'heading' : 'statement';
  }
  const states = (cell: string) => /\d/.test(cell) || STATEMENT_END.test(cell);
  return cells.slice(1).some(states) ? 'statement' : 'heading';
}

// A Markdown heading, whatever its wording: "## 무인 대출기가 바코드를 읽지 못해요" titles a section of a
// help page in the words of a complaint; its answer is the section below.
const MARKDOWN_HEADING = /^#{1,6}\s/;

const HANGUL = /[가-힣]/g;

/** Hangul syllables in `text`. */
function hangulCount(text: string): number {
  return text.match(HANGUL)?.length ?? 0;
}

/**
 * The kind of a sentence span. A heading is short and has no predicate ending; a fragment
 * is too short to state anything ("끝.", "7.4."); a question ends in "?" or an
 * interrogative ending. `nextLine`, the line after a table row, tells the table's header from its body.
 */
export function sentenceKind(sentence: string, nextLine?: string): SentenceKind {
  const text = sentence.trim();
  if (CAPTION.test(text)) return 'caption';
  const row = tableRowKind(text, nextLine);
  if (row) return row;
  const hangul = hangulCount(text);
  const letters = hangul + (text.match(/[A-Za-z]/g)?.length ?? 0) / 3;
  if (letters < 4) return 'fragment';
  if (QUESTION_END.test(text)) return 'question';
  if (LEAD_IN.test(text) || MARKDOWN_HEADING.test(text)) return 'heading';
  if (STATEMENT_END.test(text) || LABELLED_VALUE.test(text)) return 'statement';
  // No predicate ending: a heading or list label when short, else a statement whose
  // ending the splitter cut oddly (quoted speech, lists written as prose).
  return hangul <= 30 && !/[.!。]$/.test(text) ? 'heading' : 'statement';
}

// Sentences that open by pointing back at something they do not name: a bare pronoun
// ("그는 …", "이는 …", "그것은 …"), or a connective whose cause or means is the sentence before ("이
// 때문에 …", "이로 인해 …"). A demonstrative with its noun ("이 원장은 …") names
// enough to stand alone.
const POINTING_BACK =
  /^\s*((그|이)(은|는|가|를|의|에|에게|에서|도|와|과|로|으로|처럼|만)|(그녀|그들|이들|이것|그것|저것|이곳|그곳)(은|는|이|가|을|를|의|에|에게|에서|도|와|과|로|으로|처럼|만)?)(\s|,)|^\s*(이에\s*따라|이와\s*함께|이와\s*관련해|이를\s*위해|따라서|그러므로|(이|그)\s*(때문에|탓에|덕분에|여파로|영향으로)|이로\s*(인해|말미암아))/;
// Words after 이/그 that are not demonstratives ("이번", "이날", "그동안" are fine alone).
const NOT_POINTING = /^\s*(이번|이날|이달|이튿날|올해|이미|이제|이어|그동안|그간|그러나|그리고|그런데|그래도)(\s|,|에|은|는|의)/;

// Sentences that go on from the one before: a demonstrative with or without its noun ("이때", "이를",
// "이 기기는", "그래서"), wider than POINTING_BACK, for they are read after their antecedent.
const GOES_ON = /^\s*(이|그)(\s|를|는|은|가|때|에|와|로|런|러한|같은|렇게|처럼)|^\s*(그래서|따라서|이에|이처럼|이렇게|그러자|그 결과)/;

/** True when the sentence continues the one before it. */
export function goesOn(sentence: string): boolean {
  return !NOT_POINTING.test(sentence) && GOES_ON.test(sentence);
}

/** True when the sentence leans on an earlier one for what it talks about. */
export function pointsBack(sentence: string): boolean {
  return !NOT_POINTING.test(sentence) && POINTING_BACK.test(sentence);
}

// A photo caption paragraph ends with its credit: "… 살펴보고 있다. /한빛일보 사진부",
// "(사진=…)", "[사진 제공=…]". Every sentence of such a line is part of the caption.
const CAPTION_LINE =
  /\/\s*[^\s/]{1,20}\s*(사진부|사진기자|기자|제공)\s*$|[[(/]\s*사진\s*(제공)?\s*[=:]|(사진|그래픽|자료)\s*=\s*[^\s)\]]+\s*[)\]]?\s*$/;

/** True for a line that is a photo caption with its credit. */
export function isCaptionLine(line: string): boolean {
  return CAPTION_LINE.test(line.trim());
}
