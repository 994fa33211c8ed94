import { PERSONAS, type Persona } from './sandbox-config.ts';

/** A command typed at the sandbox prompt. */
export type SandboxCommand =
  | { kind: 'post'; channel: string | null; text: string }
  | { kind: 'as'; persona: Persona }
  | { kind: 'lang'; locale: string }
  | {
      kind: 'action';
      actionId:
        | 'claim'
        | 'unclaim'
        | 'resolve_approve'
        | 'resolve_remove'
        | 'dismiss'
        | 'repost_redacted'
        | 'appeal';
      subject: string;
    }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

const ACTIONS: Record<string, Extract<SandboxCommand, { kind: 'action' }>['actionId']> = {
  claim: 'claim',
  release: 'unclaim',
  approve: 'resolve_approve',
  remove: 'resolve_remove',
  dismiss: 'dismiss',
  repost: 'repost_redacted',
  appeal: 'appeal',
};

/** Parses one prompt line: `#channel text`, plain text, or a `/command`. Pure. */
export function parseLine(line: string): SandboxCommand {
  const trimmed = line.trim();
  if (!trimmed) return { kind: 'empty' };
  if (trimmed.startsWith('#')) {
    const space = trimmed.indexOf(' ');
    if (space < 0)
      return { kind: 'error', message: 'write a message after the channel, e.g. #peer-support hello' };
    return { kind: 'post', channel: trimmed.slice(1, space), text: trimmed.slice(space + 1) };
  }
  if (!trimmed.startsWith('/')) return { kind: 'post', channel: null, text: trimmed };
  const [cmd = '', arg = ''] = trimmed.slice(1).split(/\s+/, 2);
  switch (cmd) {
    case 'as':
      return arg in PERSONAS
        ? { kind: 'as', persona: arg as Persona }
        : { kind: 'error', message: 'use /as member, /as clinician or /as moderator' };
    case 'lang':
      return /^(en|nl)$/.test(arg)
        ? { kind: 'lang', locale: arg === 'nl' ? 'nl-NL' : 'en-GB' }
        : { kind: 'error', message: 'use /lang en or /lang nl' };
    case 'help':
      return { kind: 'help' };
    case 'quit':
    case 'exit':
      return { kind: 'quit' };
    default: {
      const actionId = ACTIONS[cmd];
      if (actionId)
        return arg
          ? { kind: 'action', actionId, subject: arg }
          : { kind: 'error', message: `use /${cmd} <id>` };
      return { kind: 'error', message: `unknown command /${cmd}; type /help` };
    }
  }
}

/** The help text shown at start and on /help. */
export const SANDBOX_HELP = [
  'Type a message to post it in the current channel, or "#channel message" to pick one.',
  'Channels: #peer-support  #ask-a-clinician  #clinicians  #general   (moderator room: #moderators)',
  '/as member|clinician|moderator   who you are posting as',
  '/lang en|nl                      locale for replies',
  '/claim <escalation id>  /release <id>  /approve <id>  /remove <id>  /dismiss <id>   (moderators)',
  '/repost <message id>  /appeal <message id>   (authors)',
  '/quit',
].join('\n');
