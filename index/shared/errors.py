"""citebot's error vocabulary, translated to a one-line message at the edges (CLI, Discord)."""


class CitebotError(Exception):
    """Base error: its message is meant for the user, as one line."""

    exit_code = 2


class BadQuestion(CitebotError):
    """The question is empty, too long or otherwise unusable."""


class CorpusError(CitebotError):
    """The corpus directory is missing, empty or unreadable."""


class UnreadableArticle(CitebotError):
    """One article file cannot be read (binary, not UTF-8, permissions); it is skipped."""


class IndexMissing(CitebotError):
    """There is no index yet."""


class IndexMismatch(CitebotError):
    """The index was built with another model or chunking settings."""


class IndexBusy(CitebotError):
    """Another process is writing the index."""


class StoreError(CitebotError):
    """The vector store (Chroma) failed or is unreachable, or the data directory is unusable."""


class ConfigError(CitebotError):
    """A CITEBOT_* setting (environment or .env) has a value of the wrong kind."""


class FetchError(CitebotError):
    """A URL could not be brought in as an article or a feed: refused (scheme, private
    address, robots.txt), unreachable, or not an article. The message names the URL.

    `transient` says whether trying again later may help (a timeout, a 5xx or 429 answer):
    a feed poll retries those items next time and remembers the others as handled.
    """

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient
