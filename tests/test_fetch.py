"""Fetching and reading web pages, against a real HTTP server on 127.0.0.1.

What the fetcher refuses (schemes, private addresses, robots.txt, oversized or non-HTML
bodies, 404s, timeouts, redirect loops) and what the page reader makes of an article page
with site chrome, and refuses (no text, a teaser, a paywall stub).
"""

from __future__ import annotations

import itertools
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from web_server import Route, WebServer, web_fixture  # noqa: F401 - the `web` fixture

from index.articles import read_article
from index.fetch import FEED_TYPES, HTML_TYPES, USER_AGENT, Fetcher, FetchPolicy
from index.ingest import article_id_for, extract, fetch_article
from index.shared.errors import FetchError

FAST = FetchPolicy(allow_private=True, host_delay=0.0, backoff=0.05, read_timeout=1.0)

STORY = [
    "The harbour bridge reopened to traffic on Friday morning after eleven weeks of repairs "
    "to its corroded steel cables, the city's transport office said.",
    "Engineers replaced forty-two cable anchors and resurfaced the full length of the deck, "
    "at a cost of 18 million dollars, according to the office's statement.",
    '"The bridge is safer now than on the day it opened," said the chief engineer, Tomasz '
    "Wierzbicki, who led the project. He said the new anchors should last fifty years.",
    "Commuters had faced detours of up to forty minutes while the bridge was closed.",
]


def article_page(
    title: str = "Harbour bridge reopens after repairs",
    paragraphs: list[str] = STORY,
    canonical: str | None = "/news/2025/03/harbour-bridge",
    extra_head: str = "",
) -> str:
    """A news page as sites serve them: navigation, ads, a byline, a sidebar, a footer."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Coastal Ledger</title>{link}
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Priya Nandakumar">
<meta property="article:published_time" content="2025-03-14T08:30:00Z">{extra_head}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="ad">Advertisement</div>
<article><h1>{title}</h1><p class="byline">By Priya Nandakumar</p>{body}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Council votes on budget</a></li>
<li><a href="/b">Storm warning for the coast</a></li></ul></aside>
<footer>© 2025 The Coastal Ledger. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def fetcher(**changes: object) -> Fetcher:
    return Fetcher(replace(FAST, **changes))  # type: ignore[arg-type]


# --- the fetcher ---------------------------------------------------------------------


def test_a_page_is_fetched_with_citebots_user_agent_after_robots_txt(web: WebServer) -> None:
    url = web.page("/a", "<html><body><p>Hello</p></body></html>")
    with fetcher() as f:
        page = f.get(url)
    assert page.status == 200 and page.content_type == "text/html"
    assert page.body.startswith(b"<html>") and page.charset == "utf-8"
    assert web.paths() == ["/robots.txt", "/a"]
    hit = web.hits[-1]
    assert hit.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("citebot/") and USER_AGENT.split()[0] != "citebot/"
    # the connection went to the checked IP, the Host header still names the site
    assert hit.headers["Host"] == web.base.removeprefix("http://")


def test_loopback_is_refused_without_permission_and_nothing_is_requested(web: WebServer) -> None:
    url = web.page("/a", "<html></html>")
    with fetcher(allow_private=False) as f, pytest.raises(FetchError) as err:
        f.get(url)
    message = str(err.value)
    assert message.startswith(f"{url}: ") and "loopback" in message
    assert "CITEBOT_ALLOW_PRIVATE_URLS" in message and "\n" not in message
    assert web.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:9/",  # a name: its resolved address is what is checked
        "http://2130706433/",  # 127.0.0.1 written as one number
        "http://[::1]:9/",
        "http://[::ffff:127.0.0.1]:9/",  # IPv4-mapped IPv6
        "http://169.254.169.254/latest/meta-data/",  # link-local (cloud metadata)
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://0.0.0.0/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(url: str) -> None:
    with fetcher(allow_private=False) as f, pytest.raises(FetchError, match="private, loopback"):
        f.get(url)


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "not a url"]
)
def test_only_http_and_https(url: str) -> None:
    with fetcher() as f, pytest.raises(FetchError, match="only http and https"):
        f.get(url)


def test_each_redirect_hop_is_checked_again(
    web: WebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.fetch
    from index.urlsafety import resolve

    web.page("/to-ftp", "", status=302, headers={"Location": "ftp://example.com/"})
    web.page("/to-metadata", "", status=302, headers={"Location": "http://169.254.169.254/x"})
    with fetcher() as f, pytest.raises(FetchError, match="only http and https"):
        f.get(web.url("/to-ftp"))

    # Only the test server counts as public; every other address gets the real check.
    def server_is_public(host: str, port: int, allow_private: bool) -> str:
        if (host, port) == ("127.0.0.1", web.port):
            return host
        return resolve(host, port, allow_private=False)

    monkeypatch.setattr(index.fetch, "resolve", server_is_public)
    with fetcher(allow_private=False) as f, pytest.raises(FetchError) as err:
        f.get(web.url("/to-metadata"))
    assert "169.254.169.254" in str(err.value) and "link-local" in str(err.value)
    assert web.paths()[-1] == "/to-metadata"  # the first hop was made, the second refused


def test_redirects_are_followed_up_to_five_and_loops_are_named(web: WebServer) -> None:
    web.page("/final", "<html>ok</html>")
    web.page("/moved", "", status=301, headers={"Location": "/final"})
    web.page("/loop1", "", status=302, headers={"Location": "/loop2"})
    web.page("/loop2", "", status=302, headers={"Location": "/loop1"})
    for i in range(6):
        web.page(f"/hop{i}", "", status=302, headers={"Location": f"/hop{i + 1}"})
    web.page("/hop6", "<html>far</html>")
    with fetcher() as f:
        assert f.get(web.url("/moved")).final_url == web.url("/final")
        with pytest.raises(FetchError, match="redirect loop"):
            f.get(web.url("/loop1"))
        with pytest.raises(FetchError, match="more than 5 redirects"):
            f.get(web.url("/hop0"))
        assert f.get(web.url("/hop1")).final_url == web.url("/hop6")  # exactly five


def test_404_timeout_oversized_and_non_html_bodies(web: WebServer) -> None:
    web.page("/slow", "<html></html>", delay=3)
    web.page("/big", b"<html>" + b"x" * 5_100_000)
    web.page("/big-unannounced", b"<html>" + b"x" * 5_100_000, no_length=True)
    web.page("/report.pdf", b"%PDF-1.7 binary", content_type="application/pdf")
    web.page("/mislabelled", b"%PDF-1.7 binary", content_type="text/html")
    web.page("/photo", b"\x89PNG\r\n", content_type="image/png")
    with fetcher() as f:
        with pytest.raises(FetchError, match=r"not found \(HTTP 404\)") as err:
            f.get(web.url("/missing"))
        assert not err.value.transient
        with pytest.raises(FetchError, match="timed out") as err:
            f.get(web.url("/slow"))
        assert err.value.transient
        for path in ("/big", "/big-unannounced"):
            with pytest.raises(FetchError, match="larger than the 5 MB limit"):
                f.get(web.url(path))
        with pytest.raises(FetchError, match="content type application/pdf"):
            f.get(web.url("/report.pdf"))
        with pytest.raises(FetchError, match="a PDF file"):
            f.get(web.url("/mislabelled"))
        with pytest.raises(FetchError, match="content type image/png"):
            f.get(web.url("/photo"), HTML_TYPES)


def test_robots_txt_disallow_is_honoured_and_crawl_delay_spaces_requests(
    web: WebServer,
) -> None:
    web.page(
        "/robots.txt",
        "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n",
        content_type="text/plain",
    )
    web.page("/private/x", "<html>secret</html>")
    web.page("/one", "<html>1</html>")
    web.page("/two", "<html>2</html>")
    with fetcher() as f:
        with pytest.raises(FetchError, match=r"robots\.txt disallows"):
            f.get(web.url("/private/x"))
        f.get(web.url("/one"))
        f.get(web.url("/two"))
    assert "/private/x" not in web.paths()
    assert web.paths().count("/robots.txt") == 1  # read once per site
    one, two = (h.at for h in web.hits if h.path in ("/one", "/two"))
    assert two - one >= 0.95  # a lower bound: a slow machine only makes it larger


def test_one_request_per_host_per_second_by_default(web: WebServer) -> None:
    web.page("/one", "<html>1</html>")
    web.page("/two", "<html>2</html>")
    with fetcher(host_delay=FetchPolicy().host_delay) as f:
        f.get(web.url("/one"))
        f.get(web.url("/two"))
    times = [h.at for h in web.hits]  # robots.txt, /one, /two
    assert FetchPolicy().host_delay == 1.0
    assert all(b - a >= 0.95 for a, b in itertools.pairwise(times))


def test_5xx_and_429_are_retried_with_backoff_then_reported(web: WebServer) -> None:
    web.page("/busy", "busy", status=503)
    web.page("/limited", "slow down", status=429, headers={"Retry-After": "0"})
    with fetcher() as f:
        with pytest.raises(FetchError, match="HTTP 503") as err:
            f.get(web.url("/busy"))
        assert err.value.transient
        with pytest.raises(FetchError, match="HTTP 429"):
            f.get(web.url("/limited"))
    assert web.paths().count("/busy") == 3 and web.paths().count("/limited") == 3


def test_a_server_error_that_clears_up_is_fetched_on_retry(web: WebServer) -> None:
    web.routes["/flaky"] = Route(b"<html>back</html>", fail_first=1)
    with fetcher(retries=2) as f:
        page = f.get(web.url("/flaky"))
    assert page.body == b"<html>back</html>"
    assert web.paths().count("/flaky") == 2


def test_conditional_get_returns_not_modified(web: WebServer) -> None:
    web.routes["/feed.xml"] = Route(
        b"<rss version='2.0'/>", content_type="application/rss+xml", etag='"v1"'
    )
    with fetcher() as f:
        first = f.get(web.url("/feed.xml"), FEED_TYPES)
        second = f.get(web.url("/feed.xml"), FEED_TYPES, etag=first.etag)
    assert first.etag == '"v1"' and not first.not_modified
    assert second.not_modified and second.body == b""
    assert web.hits[-1].headers["If-None-Match"] == '"v1"'


# --- reading the page ----------------------------------------------------------------


def test_article_text_and_metadata_come_out_without_the_site_chrome(web: WebServer) -> None:
    url = web.page("/story?utm_source=feed", article_page())
    with fetcher() as f:
        art = extract(f.get(url))
    assert art.title == "Harbour bridge reopens after repairs"
    assert (art.outlet, art.date, art.author) == (
        "The Coastal Ledger",
        "2025-03-14",
        "Priya Nandakumar",
    )
    assert art.url == web.url("/news/2025/03/harbour-bridge")  # the canonical, made absolute
    assert art.text.split("\n\n") == STORY
    for chrome in ("Advertisement", "Most read", "Storm warning", "All rights reserved", "Sport"):
        assert chrome not in art.text


def test_a_canonical_on_another_site_is_not_trusted(web: WebServer) -> None:
    url = web.page("/copy", article_page(canonical="https://elsewhere.example/news/original"))
    with fetcher() as f:
        art = extract(f.get(url))
    assert art.url == url  # else a page could overwrite another site's article


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        (
            "<html><body><div id='app'></div><script>render()</script></body></html>",
            "no article text",
        ),
        (article_page(paragraphs=["Only a line or two of text on this page."]), "too little text"),
        (
            article_page(
                paragraphs=[STORY[0], "Subscribe to keep reading this story."],
                extra_head='<script type="application/ld+json">'
                '{"@type": "NewsArticle", "isAccessibleForFree": false}</script>',
            ),
            "behind a paywall",
        ),
    ],
)
def test_pages_that_are_not_articles_are_refused_with_the_reason(
    web: WebServer, tmp_path: Path, html: str, reason: str
) -> None:
    url = web.page("/page", html)
    corpus = tmp_path / "corpus"
    with fetcher() as f, pytest.raises(FetchError) as err:
        fetch_article(f, corpus, url)
    assert str(err.value).startswith(f"{url}: ") and reason in str(err.value)
    assert not corpus.exists()


def test_the_saved_file_reads_back_as_the_same_article(web: WebServer, tmp_path: Path) -> None:
    url = web.page("/story", article_page())
    corpus = tmp_path / "corpus"
    with fetcher() as f:
        saved = fetch_article(f, corpus, url)
        again = fetch_article(f, corpus, url)
    assert saved.status == "added" and again.status == "unchanged"
    assert saved.path == corpus / f"{article_id_for(saved.article.url)}.md"
    assert [p.name for p in corpus.iterdir()] == [saved.path.name]
    text = saved.path.read_text("utf-8")
    assert text.startswith("---\ntitle: Harbour bridge reopens after repairs\n")
    for key in ("outlet: The Coastal Ledger", "date: 2025-03-14", "author: Priya Nandakumar"):
        assert f"\n{key}\n" in text
    assert f"\nurl: {saved.article.url}\n" in text and "\nfetched: 20" in text
    article = read_article(saved.path)  # what the indexer will see
    assert article.title == "Harbour bridge reopens after repairs"
    assert (article.outlet, article.date, article.url) == (
        "The Coastal Ledger",
        "2025-03-14",
        saved.article.url,
    )
    for paragraph in STORY:
        assert paragraph in article.text


def test_same_canonical_url_and_same_text_are_not_written_twice(
    web: WebServer, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    first = web.page("/story", article_page())
    by_other_path = web.page("/amp/story", article_page())  # same canonical
    syndicated = web.page("/syndicated", article_page(canonical=None))  # same text
    with fetcher() as f:
        assert fetch_article(f, corpus, first).status == "added"
        assert fetch_article(f, corpus, by_other_path).status == "unchanged"
        dup = fetch_article(f, corpus, syndicated)
        assert dup.status == "duplicate"
        web.page("/story", article_page(paragraphs=[*STORY, "The mayor will visit on Monday."]))
        changed = fetch_article(f, corpus, first)
    assert changed.status == "updated"
    assert len(list(corpus.iterdir())) == 1
    assert "The mayor will visit on Monday." in changed.path.read_text("utf-8")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (  # metadata only in JSON-LD and a <time> element; chrome as plain divs
            "<html><head><title>Council approves new cycle lanes - Metro Daily</title>"
            '<script type="application/ld+json">{"@context":"https://schema.org",'
            '"@type":"NewsArticle","headline":"Council approves new cycle lanes",'
            '"datePublished":"2024-11-02T10:00:00+01:00","author":{"@type":"Person",'
            '"name":"Sam Okafor"},"publisher":{"@type":"Organization","name":"Metro Daily"}}'
            '</script></head><body><div class="menu">Home | Politics | Sport</div><main>'
            "<h1>Council approves new cycle lanes</h1><time datetime='2024-11-02'>2 Nov</time>"
            "<p>The city council voted 31 to 12 on Thursday to build protected cycle lanes "
            "along four main roads, after two years of consultation with residents.</p>"
            "<p>Work on the first route, between the station and the university, will start "
            "in March and take about eight months, the transport committee said.</p></main>"
            "<div class='related'>Related: Bus fares rise | Bridge works delayed</div></body></html>",
            ("Council approves new cycle lanes", "2024-11-02", "Sam Okafor", "voted 31 to 12"),
        ),
        (  # a language written without spaces: its length is counted in characters
            "<html lang='zh'><head><title>城市地铁新线路开通</title>"
            "<meta property='article:published_time' content='2025-01-08'></head><body>"
            "<article><h1>城市地铁新线路开通</h1><p>本市地铁五号线于周一正式开通运营，全长二十三公里，"
            "共设十八座车站，连接城市东部和西部的主要居住区。</p><p>地铁公司表示，新线路开通后，"
            "早高峰期间的列车间隔将缩短至三分钟，预计每天可服务约四十万名乘客。</p></article></body></html>",
            ("城市地铁新线路开通", "2025-01-08", None, "十八座车站"),
        ),
    ],
)
def test_differently_built_pages_are_read_too(
    web: WebServer, html: str, expected: tuple[str, str, str | None, str]
) -> None:
    url = web.page("/page", html)
    with fetcher() as f:
        art = extract(f.get(url))
    title, date, author, phrase = expected
    assert (art.title, art.date, art.author) == (title, date, author)
    assert phrase in art.text and "Related:" not in art.text and "Politics" not in art.text


@pytest.fixture()
def tls_site(tmp_path: Path) -> Iterator[tuple[WebServer, ssl.SSLContext]]:
    """An HTTPS server with a certificate for `localhost`, and a client context trusting it."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed: no certificate for the HTTPS test")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    web = WebServer(tls=server_side)
    web.start()
    yield web, ssl.create_default_context(cafile=str(cert))
    web.stop()


def test_https_connects_to_the_checked_address_and_still_verifies_the_name(
    tls_site: tuple[WebServer, ssl.SSLContext],
) -> None:
    web, trust = tls_site
    web.page("/a", "<html>over TLS</html>")
    with Fetcher(FAST, verify=trust) as f:
        # by name: the connection goes to the resolved 127.0.0.1, SNI and the certificate
        # check use "localhost", so the certificate is accepted
        page = f.get(f"https://localhost:{web.port}/a")
        assert page.body == b"<html>over TLS</html>"
        assert web.hits[-1].headers["Host"] == f"localhost:{web.port}"
        # by address: the certificate names localhost, not 127.0.0.1, so it is refused
        with pytest.raises(FetchError, match="TLS certificate could not be verified"):
            f.get(f"https://127.0.0.1:{web.port}/a")
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="TLS certificate"):
        f.get(f"https://localhost:{web.port}/a")  # a self-signed certificate is not trusted
