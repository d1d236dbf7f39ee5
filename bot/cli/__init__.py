"""The terminal front end: the `citebot` typer app (app.py) and its rich rendering (render.py).
Parses arguments, calls the engine or the indexer, formats; no answering logic lives here."""
