import raw from '../data/harassment.json' with { type: 'json' };
import { compileCues } from '../../detect/cues/cue-set.ts';
import { sentenceAround, testCues } from '../../safety/match-text.ts';

type Lists = Record<string, string[] | undefined>;
const langs = Object.values(raw) as Lists[];
const any = (name: string) => `(?:${langs.flatMap((l) => l[name] ?? []).join('|')})`;

const G = any('groups');
const N = any('negative');
const H = any('hate_verbs');
const K = any('kill_verbs');
const DET =
  '(?:all\\s+|the\\s+|these\\s+|those\\s+|every\\s+|any\\s+|more\\s+|next\\s+|alle\\s+|die\\s+|deze\\s+)*';

// Sentence-shaped templates over identity-group and negative-term lexicons (data/harassment.json).
const TEMPLATES = compileCues([
  `\\b(?:you\\s+)?${G}\\s+(?:like\\s+(?:you|them)\\s+)?(?:are|is|r|being|zijn|is)\\s+(?:\\w+\\s+){0,4}?${N}\\b`,
  `\\b${H}\\s+${DET}(?:\\w+\\s+)?${G}\\b`,
  `\\b(?:i\\s+(?:will|want\\s+to|would|'?d|'?ll)|i'?m\\s+going\\s+to|gonna|let'?s|we\\s+should|we\\s+must|should|ik\\s+(?:ga|wil|zal))\\s+(?:\\w+\\s+){0,2}${K}\\s+${DET}(?:\\w+\\s+)?${G}\\b`,
  `\\b${K}\\s+${DET}${G}\\b`,
  `\\b${G}\\s+(?:\\w+\\s+){0,2}(?:should|must|deserve\\s+to|need\\s+to|ought\\s+to|moeten|verdienen\\s+het\\s+om)\\s+(?:all\\s+|allemaal\\s+)?(?:be\\s+)?(?:die|dood|killed|shot|hanged|exterminated|locked\\s+up|sterili[sz]ed|deported|punished|suffer|disappear|burn|rot|verdwijnen|branden|rotten)\\b`,
  `\\b(?:typical\\s+of|it'?s\\s+always|only|nothing\\s+worse\\s+than|no\\s+one\\s+else\\s+is\\s+as\\s+\\w+\\s+as|never\\s+trust)\\s+(?:a|an|the|these|those)?\\s*${G}\\b`,
  `\\b${G}\\s+(?:\\w+\\s+){0,6}(?:fill\\s+me\\s+with|make\\s+me|makes\\s+me)\\s+(?:so\\s+)?(?:rage|furious|sick|angry|disgust\\w*)\\b`,
  `\\b${G}\\s+(?:being\\s+in\\s+charge|in\\s+power|in\\s+government)\\s+is\\s+(?:a\\s+)?(?:danger|threat|disaster)\\b`,
  `\\b${G}\\s+(?:have\\s+no\\s+place|don'?t\\s+belong|are\\s+not\\s+welcome|horen\\s+hier\\s+niet)\\b`,
]);
const COUNTER = compileCues(langs.flatMap((l) => l['counter'] ?? []));
const NEG_BEFORE = /\b(don'?t|do\s+not|never|no\s+longer|doesn'?t|not|niet|nooit|geen)\s+(\w+\s+){0,2}$/u;

/**
 * Finds demeaning, dehumanising or threatening statements about identity groups, each within one sentence;
 * counter-speech in the same sentence and negation before the statement excuse it.
 */
export function findGroupHate(text: string): { start: number; end: number }[] {
  return TEMPLATES!.matchAll(text).filter((m) => {
    const [s, e] = sentenceAround(text, m.start, m.start + 1);
    if (m.end > e) return false;
    return !testCues(COUNTER, text, s, e) && !NEG_BEFORE.test(text.slice(s, m.start));
  });
}
