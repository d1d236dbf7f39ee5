"""The Discord front end: the bot and its cogs (slash commands, mentions, DMs, follow-ups),
UI views, and the pure formatting that keeps every answer inside Discord's limits."""
