"""citebot's indexer: read and clean articles, chunk, embed, store, snapshot."""
