import { describe, expect, it } from 'vitest';
import { goesOn, pointsBack, sentenceKind, type SentenceKind } from '../../src/answer/statement.js';

describe('sentenceKind', () => {
  it.each<[string, SentenceKind]>([
    ['이 원장은 30일 경주에서 열린 행사에 참석했다.', 'statement'],
    ['데비안 10의 코드명은 buster입니다.', 'statement'],
    // Markdown table rows: a row with a figure states it; the header and the rule line do not.
    ['| 월간 | 월 9,900원 | 매달 자동 결제 |', 'statement'],
    // So does a row that tells what to do, without a figure.
    ['| E3 | 필터 미장착 | 필터를 빼서 방향을 확인한 뒤 다시 끼우세요 |', 'statement'],
    ['| 코드 | 의미 | 조치 |', 'heading'],
    ['| 요금제 | 요금 | 특징 |', 'heading'],
    ['|---|:---:|---|', 'fragment'],
    ['메뉴에서 삽입 - 슬라이드 번호를 선택하십시오.', 'statement'],
    ['정부는 내년 예산을 늘리기로 했다고 밝혔다.', 'statement'],
    ['"우리는 끝까지 싸울 것"이라고 말했다.', 'statement'],
    // A Markdown heading, even one worded as a complaint or a statement.
    ['## 무인 대출기가 회원증 바코드를 읽지 못해요', 'heading'],
    ['### 반납했는데 대출 현황에 책이 남아 있습니다.', 'heading'],
    ['회사는 올해 흑자 전환을 목표로 함.', 'statement'],
    // Questions: FAQ entries and rhetorical questions.
    ['과거에는 어떤 코드명을 썼나요?', 'question'],
    ['코드명은 어디서 왔나요?', 'question'],
    ['왜 이런 일이 생겼을까?', 'question'],
    ['이 기능을 쓰려면 무엇이 필요합니까?', 'question'],
    // Headings and list labels: short, no predicate.
    ['슬라이드 번호 삽입', 'heading'],
    ['자주 묻는 질문', 'heading'],
    ['주요 내용', 'heading'],
    ['3. 레이어 합치기', 'heading'],
    // A lead-in that only announces the list after it is a label too.
    ['주요 기능은 다음과 같습니다.', 'heading'],
    ['설정하는 방법은 아래와 같다.', 'heading'],
    ['슬라이드 쇼를 시작하는 단계:', 'heading'],
    ['다음과 같이 수식에 분수를 입력할 수 있습니다.', 'statement'],
    // A label with its value states a fact, as help pages and fact boxes write it.
    ['- 전체 노트 검색: Ctrl+Shift+F', 'statement'],
    ['보관 기간: 30일', 'statement'],
    // Fragments.
    ['끝.', 'fragment'],
    ['7.4.', 'fragment'],
    ['(3)', 'fragment'],
    // Captions, bylines, copyright.
    ['(사진=한빛일보 제공)', 'caption'],
    ['김하늘 기자 sky@example.com', 'caption'],
    ['무단 전재 및 재배포 금지', 'caption'],
    ['ⓒ 한빛일보', 'caption'],
  ])('%s → %s', (sentence, kind) => {
    expect(sentenceKind(sentence)).toBe(kind);
  });

  // With the line after it, a table row is the header when the delimiter row follows, else a row
  // of the body, which states its cells even when none holds a figure or a predicate.
  it.each<[string, string, SentenceKind]>([
    ['| 파란색 천천히 깜빡임 | 주차 녹화 대기 중 |', '| 빨간색 깜빡임 | 충격 녹화 중 |', 'statement'],
    ['| 빨간색 깜빡임 | 충격 녹화 중 |', '', 'statement'],
    ['| 상태 표시등 | 의미 |', '|---|---|', 'heading'],
    ['| 색상 | 공기질 | 초미세먼지(PM2.5) |', '|:---|:---:|---:|', 'heading'],
    ['| 참고 | |', '| 다음 | 행 |', 'heading'],
  ])('%s before %j → %s', (sentence, nextLine, kind) => {
    expect(sentenceKind(sentence, nextLine)).toBe(kind);
  });
});

describe('pointsBack', () => {
  it.each<[string, boolean]>([
    ['그는 이 프로젝트를 1983년에 시작했다.', true],
    ['그것은 Richard Stallman이 설계했으며 널리 쓰인다.', true],
    ['이는 지난해보다 12% 늘어난 수치다.', true],
    ['이들은 모두 석방됐다.', true],
    ['그녀는 금메달을 땄다.', true],
    ['이에 따라 정부는 대책을 내놓았다.', true],
    ['이를 위해 500억 원을 투입한다.', true],
    // A connective whose cause is the sentence before.
    ['이 때문에 이달 출하량은 20% 줄었다.', true],
    ['이로 인해 도로 300m가 물에 잠겼다.', true],
    ['그 여파로 항공편 12편이 결항됐다.', true],
    // Standalone: a demonstrative with its noun, or words that only start with 이/그.
    ['이 원장은 30일 경주에서 열린 행사에 참석했다.', false],
    ['이번 행사에는 300명이 참석했다.', false],
    ['이날 회의에서 결론이 났다.', false],
    ['그동안 여러 차례 연기됐다.', false],
    ['그린벨트 해제가 논의됐다.', false],
    ['이홍락 원장이 발표했다.', false],
    ['그러나 계획은 미뤄졌다.', false],
    ['그 결과 감태 군락 면적은 1860헥타르로 줄었다.', false], // names its result; the study is stated before
    ['이 영향권에 든 지역은 12곳이다.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(pointsBack(sentence)).toBe(expected);
  });
});

describe('goesOn', () => {
  it.each<[string, boolean]>([
    // A demonstrative with or without its noun, or a connective that follows on.
    ['이때 세워지는 내각을 거국일치내각이라고 부른다.', true],
    ['그래서 이를 거대함의 끝이라고 일컫는다.', true],
    ['이 기기는 게임과 호환되도록 만들어졌다.', true],
    ['이는 경쟁 구도가 깨지면서 일어난 일이다.', true],
    ['그런 이유로 계획이 바뀌었다.', true],
    // Words that only start with 이/그, and connectives that turn away.
    ['이번 행사에는 300명이 참석했다.', false],
    ['이날 회의에서 결론이 났다.', false],
    ['그러나 계획은 미뤄졌다.', false],
    ['이홍락 원장이 발표했다.', false],
    ['의원내각제는 영국에서 시작되었다.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(goesOn(sentence)).toBe(expected);
  });
});
