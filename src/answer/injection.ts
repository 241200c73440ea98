// Questions that try to change the bot's rules or pull out its prompt are not
// questions about the articles: every answerer refuses them.

// Each pattern needs an order addressed to the bot (무시해/무시하고/잊어 …, "너의 …"), so
// news questions about someone who ignored a rule ("안전 규칙을 무시한 이유는?") pass.
const PATTERNS: RegExp[] = [
  /(지시|지침|규칙|명령|프롬프트|설정|제한)[을를은는이가]?\s*(모두\s*|전부\s*|다\s*)?(무시하고|무시해|무시하세요|무시하라|무시할\s*것|잊어|잊고|잊으세요|따르지\s*마)/,
  /(시스템|system)\s*(프롬프트|prompt)/i,
  /(너의|네|당신의)\s*(지시|지침|규칙|설정|프롬프트)/,
  /프롬프트[를을]?\s*(보여|알려|출력|공개|말해)/,
  /ignore\s+(all\s+)?(previous|prior|above|the)\s+(instructions|rules|prompts?)/i,
  /(reveal|print|show)\s+(your|the)\s+(system\s+)?(prompt|instructions)/i,
  /(탈옥|jailbreak|DAN\s*모드|개발자\s*모드)/i,
  /(규칙|제한)[을를]?\s*(풀고|해제하고|해제해)/,
  /(규칙|제한|필터|검열)\s*없이\s*(대답|답|말|출력)/,
  /(your|the)\s+system\s+(message|prompt)/i,
];

export function isPromptInjection(question: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(question));
}
