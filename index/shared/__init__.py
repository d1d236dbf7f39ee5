"""What the indexer and the answering side share: settings, the error vocabulary and the
article type. It imports nothing else of citebot, so both packages can depend on it."""
