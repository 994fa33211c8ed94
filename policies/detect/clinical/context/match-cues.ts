import type { CueLexicon, CueNode, CueRole } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** A cue phrase found in a sentence: token range [from, to) and what it does. */
export interface CueMatch {
  from: number;
  to: number;
  roles: readonly CueRole[];
}

// 19xx or 20xx, as the `#year` placeholder of the cue files.
function isYear(token: string): boolean {
  if (token.length !== 4) return false;
  const a = token.charCodeAt(0);
  const b = token.charCodeAt(1);
  if (!((a === 49 && b === 57) || (a === 50 && b === 48))) return false;
  const c = token.charCodeAt(2);
  const d = token.charCodeAt(3);
  return c >= 48 && c <= 57 && d >= 48 && d <= 57;
}

function step(node: CueNode, token: string): CueNode | undefined {
  return node.next.get(token) ?? (isYear(token) ? node.next.get('#year') : undefined);
}

/** Finds cue phrases left to right, longest first; a matched phrase consumes its words (so pseudo-cues mask triggers). */
export function matchCues(tokens: readonly Token[], lex: CueLexicon): CueMatch[] {
  const out: CueMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const best = longestAt(tokens, lex, i, tokens.length);
    if (best) {
      out.push(withInnerTerminators(best, tokens, lex));
      i = best.to;
    } else {
      i++;
    }
  }
  return withFamily(out, tokens, lex);
}

function longestAt(tokens: readonly Token[], lex: CueLexicon, i: number, limit: number): CueMatch | null {
  let node: CueNode | undefined = lex.root;
  let best: CueMatch | null = null;
  for (let j = i; j < limit && node; j++) {
    node = step(node, tokens[j]!.norm);
    if (node && node.roles.length > 0) best = { from: i, to: j + 1, roles: node.roles };
  }
  return best;
}

// "and I'm" ends a negation scope, and its "I'm" still ends a family scope: keep the terminators inside a phrase.
function withInnerTerminators(m: CueMatch, tokens: readonly Token[], lex: CueLexicon): CueMatch {
  let roles: CueRole[] | null = null;
  for (let j = m.from + 1; j < m.to; j++) {
    const inner = longestAt(tokens, lex, j, m.to);
    for (const r of inner?.roles ?? []) {
      if (r.kind !== 'terminate') continue;
      roles ??= [...m.roles];
      roles.push(r);
    }
  }
  return roles ? { ...m, roles } : m;
}

// "my (elderly) mother", "mijn zoon": a relative owned by the author within a few words becomes a family trigger.
// "my neighbour's children" is not family: another owner in between breaks the chain.
function withFamily(matches: CueMatch[], tokens: readonly Token[], lex: CueLexicon): CueMatch[] {
  return matches.map((m) => {
    const rel = m.roles.find((r) => r.kind === 'relative');
    if (rel?.kind !== 'relative') return m;
    let owner = -1;
    for (let k = m.from - 1; k >= 0 && k >= m.from - lex.possessiveWindow; k--) {
      const t = tokens[k]!;
      if (lex.possessives.has(t.norm)) {
        owner = k;
        break;
      }
      if (t.owner) break;
    }
    if (owner < 0) return m;
    const roles: CueRole[] = [
      ...m.roles,
      { kind: 'trigger', category: 'family', direction: 'forward', scope: rel.forward },
    ];
    const link = tokens[owner - 1];
    if (link && lex.backwardLinks.has(link.norm)) {
      roles.push({ kind: 'trigger', category: 'family', direction: 'backward', scope: rel.backward });
    }
    return { from: owner, to: m.to, roles };
  });
}
