"""citebot answering and front ends (CLI, Discord)."""
