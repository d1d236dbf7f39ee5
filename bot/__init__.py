"""citebot's answering side: `engine.Engine` runs the one answer pipeline over the core
(`bot.core`) and the news desk (`bot.newsdesk`); the front ends (`bot.cli`,
`bot.discord_bot`) parse, call the engine and format."""
