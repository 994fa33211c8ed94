import { boundaryCode } from '../core/finding-codes.ts';
import { compileCues } from '../detect/cues/cue-set.ts';
import type { NormalizedText } from '../detect/normalize.ts';
import { testCues } from '../safety/match-text.ts';
import { findCommercial } from './commercial.ts';
import { findHarassment, harassmentConfidence } from './harassment.ts';
import { findIndividualAdvice } from './individual-advice.ts';

// Soft evidence stays below every acted finding; it only orders the messages Ward does not act on.
const PROFANE = 0.25;
const PROMO = 0.25;
const DIRECTIVE = 0.3;

/** Insults and profanity that are not aimed at anyone, or were excused by context. */
const PROFANITY = compileCues([
  '\\b(?:fuck\\w*|shit\\w*|idiot\\w*|stupid|moron\\w*|retard\\w*|bitch\\w*|whores?|sluts?|cunts?|bastards?|scum\\w*|trash|garbage|disgusting|pathetic|worthless|vermin|kanker\\w*|tyfus\\w*|tering\\w*|kut\\w*|klootzak\\w*|hoer\\w*|debiel\\w*)\\b',
]);
/** Prices, offers and calls to act that spam and promotion share. */
const OFFER = compileCues([
  '\\b(?:free|gratis|win|won|prize|offer|discount|korting|cash|txt|subscribe|call\\s+now|order\\s+now|www\\.|https?://)',
  '\\b0[89]\\d{8,10}\\b',
]);
/** Advice-shaped sentences without a named treatment: "you should …", "try …", "just …". */
const DIRECTIVE_SHAPE = compileCues([
  "\\byou\\s+(?:should|need\\s+to|must|have\\s+to|could|might\\s+want\\s+to|ought\\s+to|'d\\s+better)\\b",
  "(?:^|[.!?]\\s+)(?:try|just|go|get|take|make|talk|ask|tell|see|stop|start|don'?t|do|be|keep|find|give|let|consider|look)\\b",
  '\\b(?:je|jij)\\s+(?:moet|zou|kunt|kan)\\b',
  "\\bi'?d\\s+(?:recommend|suggest)\\b",
]);

/**
 * Graded scores per boundary finding code in [0, 1] for ranking messages (eval AUPRC): the rule's confidence when it
 * finds something, else weak evidence Ward never acts on. Pure; space, role and config are not taken into account.
 */
export function softScores(text: NormalizedText): Record<string, number> {
  const folded = text.folded;
  const harassment = findHarassment(folded);
  return {
    [boundaryCode('harassment')]: harassment.length
      ? harassmentConfidence(harassment)
      : testCues(PROFANITY, folded)
        ? PROFANE
        : 0,
    [boundaryCode('commercial')]: findCommercial(folded).length ? 1 : testCues(OFFER, folded) ? PROMO : 0,
    [boundaryCode('individual_advice')]: findIndividualAdvice(folded).length
      ? 1
      : testCues(DIRECTIVE_SHAPE, folded)
        ? DIRECTIVE
        : 0,
  };
}
