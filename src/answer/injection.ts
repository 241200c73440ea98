// Questions that try to change the bot's rules or pull out its prompt are not
// questions about the articles: every answerer refuses them.

const PATTERNS: RegExp[] = [
  /(이전|앞의|위의|기존|모든|너의|당신의)?\s*(지시|지침|규칙|명령|프롬프트|설정)[을를은는이가]?\s*(모두\s*)?(무시|잊어|잊고|어기|따르지\s*마)/,
  /(시스템|system)\s*(프롬프트|prompt|메시지|message)/i,
  /프롬프트[를을]?\s*(보여|알려|출력|공개|말해)/,
  /ignore\s+(all\s+)?(previous|prior|above|the)\s+(instructions|rules|prompts?)/i,
  /(reveal|print|show)\s+(your|the)\s+(system\s+)?(prompt|instructions)/i,
  /(탈옥|jailbreak|DAN\s*모드|개발자\s*모드)/i,
  /(규칙|제한)\s*(없이|을\s*풀고|을\s*해제)/,
];

export function isPromptInjection(question: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(question));
}
