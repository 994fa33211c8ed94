-- Every platform message stored before message_roots existed gets its row: its first version (edit_of null),
-- the earliest-sent one if a race left several.
INSERT INTO message_roots (platform, workspace_id, platform_channel_id, platform_message_id, root_id, root_sent_at)
SELECT DISTINCT ON (platform, workspace_id, platform_channel_id, platform_message_id)
  platform, workspace_id, platform_channel_id, platform_message_id, id, sent_at
FROM messages
ORDER BY platform, workspace_id, platform_channel_id, platform_message_id, (edit_of IS NOT NULL), sent_at, received_at, id
ON CONFLICT DO NOTHING;
