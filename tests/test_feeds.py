"""Feeds and the `citebot add` / `citebot feeds` commands, against a real HTTP server.

The feed logic is driven directly (discovery, conditional GET, a changed item, bad
items); the commands run as subprocesses on a private copy of the indexed seed home, and
are checked for what a user sees and for what they leave in the corpus and the index.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run
from test_fetch import FAST, STORY, article_page
from web_server import Route, WebServer, web_fixture  # noqa: F401 - the `web` fixture

from index.feeds import FeedStore, add_feed, poll_all, remove_feed
from index.fetch import Fetcher
from index.shared.errors import FetchError
from index.snapshot import current_generation

FEED_ITEMS = {
    "/news/ferry": (
        "Ferry timetable changes",
        "The ferry operator will run extra sailings on weekday mornings from next month, "
        "the company announced, after commuters complained about crowded boats.",
    ),
    "/news/library": (
        "Library opens late on Thursdays",
        "The central library will stay open until ten in the evening every Thursday, "
        "following a trial that drew more than four thousand extra visitors.",
    ),
    "/news/orchard": (
        "Orchard harvest begins early",
        "Apple growers in the valley began picking two weeks earlier than usual because "
        "of the warm spring, the growers' cooperative said on Tuesday.",
    ),
}


def item_page(title: str, lead: str) -> str:
    more = [
        f"{lead.split(',')[0]} was confirmed by officials in a written statement on Monday.",
        "Residents who spoke to the paper said they had expected the change for some time.",
        "Further details are due to be published by the council at its meeting next week.",
    ]
    return article_page(title=title, paragraphs=[lead, *more], canonical=None)


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """RSS 2.0 with (title, path, pubDate) items, newest first as feeds list them."""
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>{d}</pubDate></item>"
        for t, p, d in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Coastal Ledger news</title><link>{base}/</link>{entries}</channel></rss>"
    ).encode()


def serve_site(web: WebServer, etag: str | None = '"1"') -> list[tuple[str, str, str]]:
    """A home page linking to its feed, the feed, and one article page per item."""
    items = []
    for n, (path, (title, lead)) in enumerate(FEED_ITEMS.items()):
        web.page(path, item_page(title, lead))
        items.append((title, path, f"Fri, 14 Mar 2025 0{n}:00:00 GMT"))
    web.routes["/feed.xml"] = Route(
        rss(web.base, items), content_type="application/rss+xml", etag=etag
    )
    web.page(
        "/",
        "<html><head><title>Coastal Ledger</title><link rel='alternate' "
        "type='application/rss+xml' title='News' href='/feed.xml'></head>"
        "<body><h1>Coastal Ledger</h1></body></html>",
    )
    return items


# --- the feed logic ------------------------------------------------------------------


def test_a_site_page_leads_to_its_feed_and_a_poll_brings_every_item(
    web: WebServer, tmp_path: Path
) -> None:
    serve_site(web)
    store = FeedStore(tmp_path / "home" / "feeds.json")
    corpus = tmp_path / "corpus"
    with Fetcher(FAST) as f:
        feed, new = add_feed(store, f, web.url("/"))
        assert new and feed.url == web.url("/feed.xml") and feed.title == "Coastal Ledger news"
        assert add_feed(store, f, web.url("/feed.xml")) == (feed, False)  # no second copy
        [result] = poll_all(f, store, corpus)
    assert sorted(s.article.title for s in result.saved) == sorted(
        t for t, _ in FEED_ITEMS.values()
    )
    assert {s.status for s in result.saved} == {"added"} and result.warnings == []
    assert len(list(corpus.glob("*.md"))) == 3
    [stored] = store.load()
    assert stored.etag == '"1"' and stored.last_poll and len(stored.seen) == 3


def test_a_second_poll_fetches_and_writes_nothing_and_a_changed_item_updates_its_file(
    web: WebServer, tmp_path: Path
) -> None:
    items = serve_site(web)
    store = FeedStore(tmp_path / "feeds.json")
    corpus = tmp_path / "corpus"
    with Fetcher(FAST) as f:
        add_feed(store, f, web.url("/feed.xml"))
        poll_all(f, store, corpus)
        files = {p: p.stat().st_mtime_ns for p in corpus.iterdir()}

        before = len(web.hits)
        [again] = poll_all(f, store, corpus)
        assert again.not_modified and again.saved == []
        assert web.paths()[before:] == ["/feed.xml"]  # answered 304, nothing else asked
        assert web.hits[-1].headers["If-None-Match"] == '"1"'

        # One item is revised: a new date in the feed, new text on its page.
        title, path, _ = items[1]
        web.page(path, item_page(title, "The library will now also open late on Fridays."))
        items[1] = (title, path, "Sat, 15 Mar 2025 09:00:00 GMT")
        web.routes["/feed.xml"] = Route(
            rss(web.base, items), content_type="application/rss+xml", etag='"2"'
        )
        before = len(web.hits)
        [revised] = poll_all(f, store, corpus)
        assert web.paths()[before:] == ["/feed.xml", path]  # only the changed item
        assert [s.status for s in revised.saved] == ["updated"]
        assert "open late on Fridays" in revised.saved[0].path.read_text("utf-8")
        assert set(corpus.iterdir()) == set(files)

        # A server without ETags: the feed is re-read, its items are known, none fetched.
        web.routes["/feed.xml"] = Route(rss(web.base, items), content_type="application/rss+xml")
        before = len(web.hits)
        [plain] = poll_all(f, store, corpus)
    assert plain.saved == [] and web.paths()[before:] == ["/feed.xml"]


def test_bad_feed_items_are_warnings_and_the_good_ones_still_come_in(
    web: WebServer, tmp_path: Path
) -> None:
    web.page("/ok", item_page(*FEED_ITEMS["/news/ferry"]))
    web.page("/photo", b"\x89PNG\r\n", content_type="image/png")
    web.page("/slow", item_page(*FEED_ITEMS["/news/orchard"]), delay=3)
    items = [("Gone", "/gone", "a"), ("Fine", "/ok", "b"), ("Photo", "/photo", "c")]
    items.append(("Slow", "/slow", "d"))
    web.routes["/feed.xml"] = Route(rss(web.base, items), content_type="application/rss+xml")
    store = FeedStore(tmp_path / "feeds.json")
    corpus = tmp_path / "corpus"
    with Fetcher(FAST) as f:
        add_feed(store, f, web.url("/feed.xml"))
        [result] = poll_all(f, store, corpus)
        assert [s.status for s in result.saved] == ["added"]
        assert len(result.warnings) == 3
        for path, reason in [
            ("/gone", "not found"),
            ("/photo", "image/png"),
            ("/slow", "timed out"),
        ]:
            assert any(w.startswith(web.url(path) + ": ") and reason in w for w in result.warnings)
        # Permanent failures are remembered; the timed-out item is tried again next time.
        before = len(web.hits)
        poll_all(f, store, corpus)
    assert [p for p in web.paths()[before:] if p != "/feed.xml"] == ["/slow"]
    assert [p.name for p in corpus.iterdir()] == [result.saved[0].path.name]


def test_a_page_without_a_feed_and_a_feed_that_is_not_followed(
    web: WebServer, tmp_path: Path
) -> None:
    web.page("/", "<html><body><p>No feed here.</p></body></html>")
    store = FeedStore(tmp_path / "feeds.json")
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="no RSS or Atom feed found"):
        add_feed(store, f, web.url("/"))
    assert store.load() == [] and not store.path.exists()
    assert remove_feed(store, web.url("/feed.xml")) is None


# --- the commands --------------------------------------------------------------------

ENV = {"CITEBOT_ALLOW_PRIVATE_URLS": "1", "CITEBOT_FETCH_HOST_DELAY": "0"}
ENV |= {"CITEBOT_FETCH_TIMEOUT": "1"}


@pytest.fixture()
def home(tmp_path: Path, indexed):  # type: ignore[no-untyped-def]
    shutil.copytree(indexed.home, tmp_path / "home")
    shutil.copytree(indexed.corpus, tmp_path / "corpus")
    return {
        "CITEBOT_HOME": str(tmp_path / "home"),
        "CITEBOT_CORPUS": str(tmp_path / "corpus"),
        **ENV,
    }


def state(env: dict[str, str]) -> tuple[dict[str, bytes], str | None]:
    """What a failed command must leave as it was: every corpus file and the index."""
    corpus = Path(env["CITEBOT_CORPUS"])
    files = {p.name: p.read_bytes() for p in corpus.iterdir()}
    return files, current_generation(Path(env["CITEBOT_HOME"]) / "snapshots")


def test_add_then_ask_answers_from_the_page(web: WebServer, tmp_path: Path, home) -> None:  # type: ignore[no-untyped-def]
    url = web.page("/story", article_page())
    result = run(tmp_path, "add", url, **home)
    assert result.returncode == 0, result.stderr
    assert "added Harbour bridge reopens after repairs (The Coastal Ledger, 2025-03-14)" in (
        result.stdout
    )
    [saved] = [p for p in Path(home["CITEBOT_CORPUS"]).glob("127-0-0-1-*.md")]
    assert f"\nurl: {web.url('/news/2025/03/harbour-bridge')}\n" in saved.read_text("utf-8")
    answer = run(tmp_path, "ask", "How many cable anchors did the engineers replace?", **home)
    assert answer.returncode == 0, answer.stderr
    assert "forty-two cable anchors" in answer.stdout and "The Coastal Ledger" in answer.stdout

    again = run(tmp_path, "add", url, **home)  # the same page: no second file, no embedding
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("unchanged ") and "0 embeddings computed" in again.stdout
    assert len(list(Path(home["CITEBOT_CORPUS"]).glob("127-0-0-1-*.md"))) == 1


def test_every_bad_url_gets_one_line_and_leaves_corpus_and_index_as_they_were(
    web: WebServer, tmp_path: Path, home
) -> None:  # type: ignore[no-untyped-def]
    web.page("/robots.txt", "User-agent: *\nDisallow: /members/\n", content_type="text/plain")
    web.page("/members/story", article_page())
    web.page("/slow", article_page(), delay=3)
    web.page("/huge", b"<html>" + b"x" * 5_100_000)
    web.page("/loop", "", status=302, headers={"Location": "/loop2"})
    web.page("/loop2", "", status=302, headers={"Location": "/loop"})
    web.page("/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    web.page("/app", "<html><body><div id='root'></div><script>go()</script></body></html>")
    web.page("/teaser", article_page(paragraphs=[STORY[0]]))
    bad = {
        "/missing": "not found (HTTP 404)",
        "/slow": "timed out",
        "/huge": "larger than the 5 MB limit",
        "/loop": "redirect loop",
        "/report.pdf": "application/pdf",
        "/members/story": "robots.txt disallows",
        "/app": "no article text",
        "/teaser": "too little text",
    }
    before = state(home)
    result = run(tmp_path, "add", *(web.url(p) for p in bad), **home)
    assert result.returncode == 2 and "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad), result.stderr
    for line, (path, reason) in zip(lines, bad.items(), strict=True):
        assert line.startswith(f"citebot: error: {web.url(path)}: ") and reason in line, line
    assert state(home) == before


def test_a_loopback_url_is_refused_unless_private_urls_are_allowed(
    web: WebServer, tmp_path: Path, home
) -> None:  # type: ignore[no-untyped-def]
    url = web.page("/story", article_page())
    env = {k: v for k, v in home.items() if k != "CITEBOT_ALLOW_PRIVATE_URLS"}
    before = state(home)
    result = run(tmp_path, "add", url, **env)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"citebot: error: {url}: ") and "loopback" in line
    assert web.hits == [] and state(home) == before


def test_feeds_add_poll_list_remove(web: WebServer, tmp_path: Path, home) -> None:  # type: ignore[no-untyped-def]
    serve_site(web)
    added = run(tmp_path, "feeds", "add", web.url("/"), **home)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == f"following {web.url('/feed.xml')} (Coastal Ledger news)"

    polled = run(tmp_path, "feeds", "poll", **home)
    assert polled.returncode == 0, polled.stderr
    assert polled.stdout.count("\nadded ") + polled.stdout.startswith("added ") == 3
    assert "indexed: 3 added" in polled.stdout

    before = state(home)
    second = run(tmp_path, "feeds", "poll", **home)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == f"{web.url('/feed.xml')}: not modified"
    assert state(home) == before  # nothing written, nothing indexed

    answer = run(tmp_path, "ask", "How late will the central library stay open?", **home)
    assert "ten in the evening" in answer.stdout, answer.stdout

    listed = run(tmp_path, "feeds", "list", **home)
    assert listed.stdout.startswith(web.url("/feed.xml") + "  Coastal Ledger news  (last polled")
    removed = run(tmp_path, "feeds", "remove", web.url("/feed.xml"), **home)
    assert removed.returncode == 0 and "stopped following" in removed.stdout
    gone = run(tmp_path, "feeds", "remove", web.url("/feed.xml"), **home)
    assert gone.returncode == 2 and "not a followed feed" in gone.stderr
    assert "no feeds yet" in run(tmp_path, "feeds", "list", **home).stdout


def test_feeds_poll_every_polls_on_a_schedule_until_stopped(
    web: WebServer, tmp_path: Path, home
) -> None:  # type: ignore[no-untyped-def]
    serve_site(web)
    assert run(tmp_path, "feeds", "add", web.url("/feed.xml"), **home).returncode == 0
    bad = run(tmp_path, "feeds", "poll", "--every", "soon", **home)
    assert bad.returncode == 2 and "--every" in bad.stderr and len(bad.stderr.splitlines()) == 1

    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")}
    env.update(home, CITEBOT_CONFIG=os.environ["CITEBOT_CONFIG"], NO_COLOR="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "feeds", "poll", "--every", "1s"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        while sum(line.startswith("next poll at") for line in lines) < 2:
            line = proc.stdout.readline()
            assert line, (lines, proc.stderr.read() if proc.stderr else "")
            lines.append(line.rstrip("\n"))
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err, err
    first, second = "\n".join(lines).split("(Ctrl-C stops)")[:2]
    assert first.count("added ") == 3 and "indexed: 3 added" in first
    assert second.strip().startswith(f"{web.url('/feed.xml')}: not modified")


def test_an_atom_feed_is_followed_like_rss(web: WebServer, tmp_path: Path) -> None:
    (path, (title, lead)), *_ = FEED_ITEMS.items()
    web.page(path, item_page(title, lead))
    atom = (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Ledger (Atom)</title><id>urn:ledger</id><updated>2025-03-14T00:00:00Z</updated>"
        f"<entry><title>{title}</title><id>urn:item:1</id><link href='{path}'/>"
        "<updated>2025-03-14T00:00:00Z</updated></entry></feed>"
    )
    web.routes["/atom"] = Route(
        atom.encode(), content_type="application/atom+xml", last_modified="Fri, 14 Mar 2025"
    )
    web.page("/", "<html><head><link rel='alternate' type='application/atom+xml' href='/atom'>")
    store = FeedStore(tmp_path / "feeds.json")
    with Fetcher(FAST) as f:
        feed, _ = add_feed(store, f, web.url("/"))
        [first] = poll_all(f, store, tmp_path / "corpus")
        [second] = poll_all(f, store, tmp_path / "corpus")
    assert feed.url == web.url("/atom") and feed.title == "Ledger (Atom)"
    assert [s.article.title for s in first.saved] == [title]  # relative link resolved
    assert second.not_modified  # Last-Modified sent back, 304 answered
    assert web.hits[-1].headers["If-Modified-Since"] == "Fri, 14 Mar 2025"
