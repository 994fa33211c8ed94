import { type REST, type RESTPostAPIChannelMessageJSONBody, Routes } from 'discord.js';
import { splitContent } from './text-limits.ts';

/** A posted message's id. */
interface Posted {
  id: string;
}

/** Posts `body` to a channel, splitting long content over several messages; components go on the last one. Returns the first id. */
export async function postSplit(
  rest: REST,
  channelId: string,
  content: string,
  extra: Omit<RESTPostAPIChannelMessageJSONBody, 'content'>,
  signal: AbortSignal,
): Promise<string> {
  const chunks = splitContent(content);
  let firstId: string | null = null;
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    const body: RESTPostAPIChannelMessageJSONBody = {
      ...extra,
      content: chunk,
      ...(last ? {} : { components: [], embeds: [] }),
      // Only the first part answers the original message.
      ...(i === 0 ? {} : { message_reference: undefined }),
    };
    const posted = (await rest.post(Routes.channelMessages(channelId), { body, signal })) as Posted;
    firstId ??= posted.id;
  }
  return firstId!;
}
