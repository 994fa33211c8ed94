import raw from '../data/harassment.json' with { type: 'json' };
import { compileCues } from '../../detect/cues/cue-set.ts';
import { sentenceAround, testCues } from '../../safety/match-text.ts';

type Lists = Record<string, string[] | undefined>;
const langs = Object.values(raw) as Lists[];
const any = (name: string) => `(?:${langs.flatMap((l) => l[name] ?? []).join('|')})`;

const G = any('groups');
const N = any('negative');
const P = any('positive');
const H = any('hate_verbs');
const K = any('kill_verbs');
const DET =
  '(?:all\\s+|the\\s+|these\\s+|those\\s+|every\\s+|any\\s+|more\\s+|next\\s+|that\\s+|this\\s+|you\\s+|alle\\s+|die\\s+|deze\\s+)*';
// A gap word that is not a negator: "are not at all ignorant" and "the very opposite of stupid" praise.
const GAP =
  "(?:(?!not\\b|never\\b|no\\b|hardly\\b|opposite\\b|far\\b|less\\b|niet\\b|nooit\\b|geen\\b)[\\w']+\\s+)";
const HARM =
  '(?:executed|killed|shot|hanged|gassed|exterminated|wiped\\s+out|drowned|burned|burnt|beaten|lynched|murdered|eradicated|culled|tortured)';
const SUBJECT =
  "(?:i\\s+(?:\\w+\\s+){0,3}?(?:will|would|'d|'ll|am\\s+going\\s+to|going\\s+to|gonna|want\\s+to|wanna|plan\\s+to)|i'?m\\s+(?:\\w+\\s+){0,2}?going\\s+to|gonna|let'?s|we\\s+should|we\\s+must|someone\\s+should|should|ik\\s+(?:ga|wil|zal))";

// Sentence-shaped templates over identity-group and negative-term lexicons (data/harassment.json).
// Statements that open with the group ("X are vermin", "X are never intelligent", "X don't belong here", "X can all
// go fuck themselves", "X should be executed") share one pass over the group alternation, much faster than one each.
const GROUP_FIRST_TAILS = [
  `(?:like\\s+(?:you|them|that)\\s+)?(?:\\w+\\s+){0,2}?(?:are|is|r|being|zijn)\\s+${GAP}{0,4}?${N}\\b`,
  `${GAP}{0,3}(?:should|must|deserve\\s+to|need\\s+to|ought\\s+to|moeten|verdienen\\s+het\\s+om)\\s+(?:all\\s+|allemaal\\s+)?(?:be\\s+)?(?:die|dood|killed|shot|hanged|exterminated|locked\\s+up|sterili[sz]ed|deported|punished|suffer|disappear|burn|rot|go\\s+back|verdwijnen|branden|rotten|${HARM})\\b`,
  `(?:\\w+\\s+){0,6}(?:fill\\s+me\\s+with|make\\s+me|makes\\s+me)\\s+(?:so\\s+(?:much\\s+)?)?(?:rage|furious|sick|angry|disgust\\w*)\\b`,
  `(?:being\\s+in\\s+charge|in\\s+power|in\\s+government)\\s+is\\s+(?:a\\s+)?(?:danger|threat|disaster)\\b`,
  `(?:have\\s+no\\s+place|don'?t\\s+belong|do\\s+not\\s+belong|does\\s+not\\s+belong|doesn'?t\\s+belong|are\\s+not\\s+welcome|horen\\s+hier\\s+niet)\\b`,
  `(?:\\w+\\s+){0,2}?(?:are|is|zijn)\\s+(?:\\w+\\s+){0,2}?(?:never|not|no\\s+longer|hardly\\s+ever|nooit|niet)\\s+(?:\\w+\\s+){0,2}?${P}\\b`,
  `(?:\\w+\\s+){0,1}(?:are|is)\\s+(?:worthless|worth\\s+(?:absolutely\\s+)?nothing|meaningless|disposable|not\\s+worth\\s+\\w+)\\b`,
  `(?:\\w+\\s+){0,2}(?:belong|should\\s+be|need\\s+to\\s+be|deserve\\s+to\\s+be)\\s+(?:locked\\s+up\\s+)?in\\s+(?:a\\s+|the\\s+)?(?:zoo|cage|prison|jail|trash|bin|gutter|hell|sewer|camps?)\\b`,
  `(?:do\\s+not|don'?t|does\\s+not|doesn'?t)\\s+belong\\s+(?:on\\s+this\\s+earth|here|in\\s+(?:this|our)\\s+\\w+|anywhere)`,
  `(?:\\w+\\s+){0,3}(?:can|should|must|need\\s+to|ought\\s+to|may)\\s+(?:all\\s+)?(?:just\\s+)?(?:go\\s+)?(?:fuck\\s+(?:off|themselves)|get\\s+(?:the\\s+fuck\\s+)?out|piss\\s+off|go\\s+to\\s+hell|rot|die\\s+in\\s+a\\s+fire|drop\\s+dead)\\b`,
  `${GAP}{0,3}(?:ought\\s+to|should|must|deserve\\s+to|need\\s+to)\\s+(?:all\\s+)?be\\s+${HARM}\\b`,
  `(?:like\\s+you\\s+)?(?:\\w+\\s+){0,2}would\\s+(?:all\\s+)?be\\s+(?:dead|gone|wiped\\s+out|in\\s+camps)\\b`,
  `(?:\\w+\\s+){0,4}(?:piss(?:es|ing)?\\s+me\\s+off|disgust\\s+me|make\\s+me\\s+(?:sick|puke))\\b`,
];
const TEMPLATES = compileCues([
  `\\b${G}\\s+(?:${GROUP_FIRST_TAILS.map((t) => `(?:${t})`).join('|')})`,
  `\\b${H}\\s+${DET}(?:\\w+\\s+)?${G}\\b`,
  `\\b${SUBJECT}\\s+(?:\\w+\\s+){0,2}${K}\\s+${DET}(?:\\w+\\s+)?${G}\\b`,
  `\\b${K}\\s+${DET}${G}\\b`,
  `\\b(?:typical\\s+of|it'?s\\s+always|nothing\\s+worse\\s+than|no\\s+one\\s+else\\s+is\\s+as\\s+\\w+\\s+as|never\\s+trust)\\s+(?:a|an|the|these|those)?\\s*${G}\\b`,
  // "By their nature, X are …", "It's in a X's nature to be …".
  `\\b(?:it'?s|it\\s+is)\\s+in\\s+(?:a\\s+|an\\s+|the\\s+)?${G}(?:'s|s'|')?\\s+(?:nature|blood|genes|dna)\\s+to\\s+be\\s+(?:\\w+\\s+){0,3}?${N}`,
  `\\bby\\s+(?:their\\s+)?nature,?\\s+${G}\\s+(?:\\w+\\s+){0,2}(?:are|is)\\s+(?:\\w+\\s+){0,3}?(?:${N}|never\\s+(?:\\w+\\s+)?${P})\\b`,
  `\\b(?:your|their|those)\\s+(?:black|gay|trans|disabled|muslim|jewish|immigrant)\\s+lives\\s+(?:are|is)\\s+(?:worthless|worth\\s+(?:absolutely\\s+)?nothing|meaningless)\\b`,
  // Calls for death or harm.
  `\\b(?:death|dood)\\s+(?:to|aan)\\s+(?:all\\s+|alle\\s+)?(?:the\\s+|those\\s+|these\\s+)?${G}\\b`,
  `\\b(?:execution|extermination|genocide|deportation|sterili[sz]ation)\\s+(?:is\\s+)?(?:\\w+\\s+){0,4}(?:solution|answer|way)\\s+(?:for|to)\\s+(?:\\w+\\s+){0,2}${G}\\b`,
  `\\b(?:love|like|want|wish|hope|glad)\\s+to\\s+see\\s+${DET}(?:\\w+\\s+)?${G}\\s+(?:\\w+\\s+){0,2}(?:suffer|die|dead|burn|hang|gone|deported|rot|${HARM})\\b`,
  `\\bwish\\s+(?:all\\s+|those\\s+|these\\s+)?${G}\\s+(?:\\w+\\s+){0,2}(?:would|could|were)\\s+(?:all\\s+)?(?:be\\s+)?(?:die|dead|gone|deported|${HARM})\\b`,
  `\\b(?:killing|murdering|shooting|beating|raping|lynching|drowning|torturing)\\s+(?:a|an|the|all|those|these|any)?\\s*${G}\\s+(?:like\\s+you|should\\s+be\\s+(?:legal|decriminali[sz]ed|allowed|encouraged)|is\\s+(?:fine|ok(?:ay)?|justified))`,
  `\\bmake\\s+${DET}(?:\\w+\\s+)?${G}\\s+(?:suffer|pay|bleed|disappear)\\b`,
  // Contempt: "the hatred I have for you X", "I find all X disgusting", "X piss me off".
  `\\b(?:hatred|contempt|disgust|disdain|loathing)\\s+(?:\\w+\\s+){0,3}for\\s+${DET}(?:\\w+\\s+)?${G}\\b`,
  `\\b(?:find|consider)\\s+(?:all\\s+|most\\s+|these\\s+|those\\s+)?${G}\\s+(?:\\w+\\s+){0,2}?${N}\\b`,
  `\\b(?:any\\s+more|more)\\s+${G}\\s+(?:\\w+\\s+){0,4}(?:will\\s+|would\\s+)?(?:ruin|destroy|wreck|poison)\\s+(?:our|this|the)\\b`,
  `\\btoo\\s+many\\s+${G}\\s+(?:in|around)\\s+(?:this|our|here)\\b`,
  // A pronoun picks the group up again: "Even if X are nice sometimes, they are still nothing but garbage".
  `\\b${G}\\b[^.!?]{0,60}\\b(?:they|they'?re|they\\s+are|ze\\s+zijn)\\s+(?:\\w+\\s+){0,4}?(?:${N}|(?:act|behave)\\s+like\\s+${N})\\b`,
]);
/** Templates that may run over two sentences (a group named, then "they" in the next). */
const ACROSS = compileCues([
  `\\b${G}\\b[^.!?]{0,80}[.!?]+\\s*[^.!?]{0,40}\\b(?:they|they'?re|they\\s+are)\\s+(?:\\w+\\s+){0,4}?(?:${N}|(?:act|behave)\\s+like\\s+${N})\\b`,
]);
const COUNTER = compileCues(langs.flatMap((l) => l['counter'] ?? []));
const NEG_BEFORE =
  /\b(don'?t|do\s+not|never|no\s+longer|doesn'?t|not|no|without|niet|nooit|geen)\s+(\w+\s+){0,2}$/u;

/** Whether the sentence [start, end) of `text` argues against what it quotes or reports (counter-speech). */
export function isCounterSpeech(text: string, start: number, end: number): boolean {
  return testCues(COUNTER, text, start, end);
}

/**
 * Finds demeaning, dehumanising or threatening statements about identity groups, each within one sentence (or a
 * group picked up by "they" in the next); counter-speech in the same sentence and negation before it excuse it.
 */
export function findGroupHate(text: string): { start: number; end: number }[] {
  const within = TEMPLATES!.matchAll(text).filter((m) => {
    const [s, e] = sentenceAround(text, m.start, m.start + 1);
    if (m.end > e) return false;
    return !testCues(COUNTER, text, s, e) && !NEG_BEFORE.test(text.slice(s, m.start));
  });
  if (within.length) return within;
  return ACROSS!.matchAll(text).filter((m) => {
    const [s] = sentenceAround(text, m.start, m.start + 1);
    const [, e] = sentenceAround(text, m.end - 1, m.end);
    return !testCues(COUNTER, text, s, e) && !NEG_BEFORE.test(text.slice(s, m.start));
  });
}
