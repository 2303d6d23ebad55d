"""Ingest on real files: the seed, the examples, JSONL, folders."""

from __future__ import annotations

import io
import json
import threading
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.errors import FetchError, InputError
from eventwire.ingest import (
    check_url,
    fetch_url,
    iter_articles,
    parse_feed,
    parse_html,
    parse_jsonl,
    parse_text,
    read_path,
    read_url,
)
from eventwire.ingest.text import parse_dateline
from eventwire.models import Article, article_id
from eventwire.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEED_TXT = REPO.parent / "shared" / "data" / "seed" / "ain_al_asad.txt"
EXAMPLES = REPO / "examples"
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
SEED_TITLE = "Several US Occupation Troops Injured in Missile Attack on Ain Al-Assad Airbase in Iraq"


def articles(items) -> list[Article]:
    items = list(items)
    errors = [i for i in items if not isinstance(i, Article)]
    assert errors == []
    return items


# --- plain text ---------------------------------------------------------------------------------

def test_seed_dateline_title_and_offsets():
    raw = SEED_TXT.read_text(encoding="utf-8")
    a = parse_text(raw, origin=str(SEED_TXT), source_name="Islam Times")
    assert a.published == datetime(2023, 11, 22, 9, 21)
    assert a.title == SEED_TITLE
    assert a.origin == str(SEED_TXT)
    assert a.source_name == "Islam Times"
    assert a.id == article_id(raw)
    # Offsets are into the whole text: the dateline stays in it.
    assert a.text.startswith("Wednesday 22 November 2023 - 09:21\n\nSeveral US")
    start = a.text.index("Pat Ryder")
    assert a.text[start:start + 9] == "Pat Ryder"
    assert "eight injuries" in a.text


def test_seed_bytes_give_same_article():
    assert parse_text(SEED_TXT.read_bytes()) == parse_text(SEED_TXT.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("line", "expected"), [
    ("Wednesday 22 November 2023 - 09:21", datetime(2023, 11, 22, 9, 21)),
    ("22 November 2023", datetime(2023, 11, 22)),
    ("November 22, 2023", datetime(2023, 11, 22)),
    ("Wed, Nov 22, 2023 at 14:05", datetime(2023, 11, 22, 14, 5)),
    ("2023-11-22", datetime(2023, 11, 22)),
    ("2023-11-22T09:21", datetime(2023, 11, 22, 9, 21)),
    ("3rd March 2024", datetime(2024, 3, 3)),
    ("March 18, 2025 2:25 PM UTC", datetime(2025, 3, 18, 14, 25)),
    ("March 18, 2025 12:40 a.m.", datetime(2025, 3, 18, 0, 40)),
    ("March 18, 2025 11:42 AM GMT", datetime(2025, 3, 18, 11, 42)),
    ("31 February 2024", None),
    ("Gunmen killed 22 people on 22 November 2023", None),
])
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


def test_other_datelines_in_documents():
    a = parse_text("November 22, 2023\n\nTwo killed in Gao\n\nTwo people were killed in Gao on Tuesday.")
    assert (a.published, a.title) == (datetime(2023, 11, 22), "Two killed in Gao")
    b = parse_text("2024-01-05\nCurfew in Goma\n\nAuthorities imposed a curfew.")
    assert (b.published, b.title) == (datetime(2024, 1, 5), "Curfew in Goma")
    c = parse_text("22 November 2023\nAuthorities imposed a curfew in Goma.\nShops closed early.")
    assert (c.published, c.title) == (datetime(2023, 11, 22), None)  # a sentence, not a headline


def test_headline_then_byline_with_a_date():
    a = parse_text("Bajaur rally bombing toll climbs to 16\nBy Our Correspondent | Published: 15 October 2025, 09:10\n\n"
                   "KHAR: The death toll from Sunday's bombing rose to 16.")
    assert (a.published, a.title) == (datetime(2025, 10, 15, 9, 10), "Bajaur rally bombing toll climbs to 16")
    b = parse_text("Georgia protests live: water cannon on Rustaveli\nUpdated: 20 January 2026, 10:45 CET\n\nPolice ...")
    assert (b.published, b.title) == (datetime(2026, 1, 20, 10, 45), "Georgia protests live: water cannon on Rustaveli")
    # a story's first sentence carrying a date is a dateline, not a byline
    c = parse_text("Troops clash with rebels\nADDIS ABABA, March 19, 2024 (EPA) - Federal troops killed 37 fighters "
                   "near Debre Tabor on Sunday, the command post said.")
    assert c.published is None


def test_no_dateline_keeps_published_none_and_explicit_values_win():
    a = parse_text("Two soldiers were killed near Boni on Wednesday, the army said.")
    assert a.published is None and a.title is None
    given = datetime(2024, 6, 20, tzinfo=UTC)
    b = parse_text(SEED_TXT.read_text(encoding="utf-8"), published=given, title="Given", url="https://x.org/a")
    assert (b.published, b.title, b.url) == (given, "Given", "https://x.org/a")


@pytest.mark.parametrize(("name", "published", "title"), [
    ("kharkiv_strike_ministry.txt", datetime(2024, 3, 5, 12, 5),
     "Defence ministry says strike hit military target in Kharkiv"),
    ("kharkiv_strike_regional.txt", datetime(2024, 3, 5, 10, 40),
     "Missile strike on Kharkiv kills three, injures eleven"),
    ("el_fasher_tally.txt", datetime(2024, 6, 14, 16, 20), "Shelling kills seven in El Fasher as toll mounts"),
    ("talks_no_event.txt", datetime(2024, 4, 11, 9, 0),
     "Foreign ministers meet in Doha to discuss ceasefire proposal"),
])
def test_example_text_files(name, published, title):
    (a,) = articles(read_path(EXAMPLES / name, Settings()))
    assert (a.published, a.title, a.origin) == (published, title, str(EXAMPLES / name))


# --- HTML ---------------------------------------------------------------------------------------

def test_example_html_page():
    path = EXAMPLES / "nigeria_abduction.html"
    (a,) = articles(read_path(path, Settings()))
    assert a.title == "Gunmen abduct 20 villagers in Zamfara, police say"
    assert a.source_name == "Sahel Wire"
    assert a.published == datetime(2024, 2, 8, 11, 30, tzinfo=timezone(timedelta(hours=1)))
    assert "Kuryar Madaro in Zamfara state" in a.text
    # Boilerplate (navigation, sidebar, footer) is left out.
    assert "Subscribe" not in a.text and "Markets rally" not in a.text and "All rights reserved" not in a.text
    assert parse_html(path.read_bytes(), origin="p").text == a.text


def test_html_fragment_too_short_for_trafilatura_still_gives_text():
    a = parse_html("<html><body><p>Gunmen killed <b>four</b> in Kaduna.</p></body></html>", origin="frag")
    assert a.text == "Gunmen killed four in Kaduna."


# --- feeds --------------------------------------------------------------------------------------

def test_example_feed_three_items():
    path = EXAMPLES / "wire_feed.xml"
    items = articles(read_path(path, Settings()))
    assert [a.title for a in items] == [
        "Police detain 35 at Nairobi protest over tax bill",
        "Roadside bomb kills two soldiers in Mali",
        "Envoy visits Addis Ababa for talks",
    ]
    assert [a.published for a in items] == [
        datetime(2024, 6, 19, 18, 10, tzinfo=timezone(timedelta(hours=3))),
        datetime(2024, 6, 20, 9, 45, tzinfo=UTC),
        datetime(2024, 6, 20, 12, 0, tzinfo=UTC),
    ]
    assert items[1].url == "https://wire.example.org/2024/06/mali-ied"
    assert items[1].source_name == "Regional Wire"
    assert items[1].origin == f"{path}#item 2"
    assert items[1].text == ("Roadside bomb kills two soldiers in Mali\n\nA roadside bomb killed two soldiers and "
                             "wounded four others near Boni in the Mopti region on Wednesday, the Malian army "
                             "said in a statement.")


def test_atom_feed_with_html_content():
    items = articles(parse_feed((FIXTURES / "atom_feed.atom").read_bytes(), origin="atom", settings=Settings()))
    assert len(items) == 2
    first = items[0]
    assert first.title == "Clashes reported in Goma"
    assert first.published == datetime(2024, 1, 26, 7, 30, tzinfo=UTC)
    assert first.url == "https://desk.example.org/goma"
    # Paragraphs of the HTML content become blocks; tags and the script are gone.
    assert first.text == ("Clashes reported in Goma\n\nFighting broke out between M23 rebels and the army "
                          "near Sake on Thursday.\n\nResidents fled towards Goma.")


def test_follow_feed_links_uses_injected_fetch():
    page = (EXAMPLES / "nigeria_abduction.html").read_bytes()
    asked: list[str] = []

    def fetch(url: str) -> tuple[bytes, str, str]:
        asked.append(url)
        if url.endswith("mali-ied"):
            raise InputError("refused", item=url)
        return page, "text/html", url

    items = articles(parse_feed((EXAMPLES / "wire_feed.xml").read_bytes(), origin="feed",
                                settings=Settings(follow_feed_links=True), fetch=fetch))
    assert len(asked) == 3 and len(items) == 3
    assert "Kuryar Madaro" in items[0].text  # from the linked page
    assert items[0].title == "Police detain 35 at Nairobi protest over tax bill"  # the feed's title wins
    assert items[1].text.startswith("Roadside bomb kills two soldiers")  # fetch failed: feed summary


# --- JSONL and folders --------------------------------------------------------------------------

def test_jsonl_keeps_given_ids_and_fields():
    lines = [
        json.dumps({"id": "doc-1", "text": "Gunmen killed four in Kaduna.", "published": "2024-02-01T08:00:00Z",
                    "url": "https://n.example/1", "source_name": "Wire", "title": "Kaduna attack"}),
        "",
        json.dumps({"text": "Shelling hit Kherson on Monday."}),
    ]
    a, b = articles(parse_jsonl(lines, origin="batch.jsonl"))
    assert (a.id, a.title, a.url, a.source_name) == ("doc-1", "Kaduna attack", "https://n.example/1", "Wire")
    assert a.published == datetime(2024, 2, 1, 8, 0, tzinfo=UTC)
    assert a.origin == "batch.jsonl:line 1"
    assert b.id == article_id("Shelling hit Kherson on Monday.")
    assert b.origin == "batch.jsonl:line 3"


def test_folder_recursive_sorted_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second report.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("First report.\n", encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text('{"id": "j1", "text": "Third report."}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text("{}", encoding="utf-8")
    items = articles(read_path(tmp_path, Settings()))
    assert [a.text for a in items] == ["First report.", "Third report.", "Second report."]
    assert items[1].origin == f"{tmp_path / 'b' / 'c.jsonl'}:line 1"


def test_unknown_suffix_is_sniffed(tmp_path):
    feed = tmp_path / "feed.php"
    feed.write_bytes((EXAMPLES / "wire_feed.xml").read_bytes())
    page = tmp_path / "page"
    page.write_bytes((EXAMPLES / "nigeria_abduction.html").read_bytes())
    assert len(articles(read_path(feed, Settings()))) == 3
    (a,) = articles(read_path(page, Settings()))
    assert a.source_name == "Sahel Wire"


# --- URLs: a real HTTP server on 127.0.0.1 ------------------------------------------------------

SEED_BYTES = SEED_TXT.read_bytes() if SEED_TXT.exists() else b""


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/huge":
            # No Content-Length: the cap must hold while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"x" * 65536)
            return
        status, ctype, body, headers = self.routes.get(self.path, (404, "text/plain", b"not found", {}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    html = (EXAMPLES / "nigeria_abduction.html").read_bytes()
    feed = (EXAMPLES / "wire_feed.xml").read_bytes()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.routes = {
        "/seed.txt": (200, "text/plain; charset=utf-8", SEED_BYTES, {}),
        "/page": (200, "text/html; charset=utf-8", html, {}),
        "/feed": (200, "application/rss+xml", feed, {}),
        "/latin": (200, "text/plain; charset=iso-8859-1", "Attaque à Ménaka.".encode("latin-1"), {}),
        "/hop": (302, "text/plain", b"", {"Location": "/seed.txt"}),
        "/to-metadata": (302, "text/plain", b"", {"Location": "http://169.254.169.254/latest/meta-data/"}),
        "/to-metadata-v6": (301, "text/plain", b"", {"Location": "http://[fd00:ec2::254]/"}),
        "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
        "/big": (200, "text/plain", b"y" * 300_000, {}),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


ALLOW = Settings(allow_private_urls=True)


def test_local_server_refused_by_default(server):
    url = f"{server}/seed.txt"
    with pytest.raises(FetchError) as err:
        fetch_url(url, Settings())
    assert err.value.item == url
    assert "127.0.0.1 is a loopback address" in err.value.message
    (item,) = iter_articles([url], Settings())
    assert isinstance(item, FetchError) and item.item == url


def test_fetch_allowed_with_flag(server):
    body, ctype, final = fetch_url(f"{server}/hop", ALLOW)
    assert body == SEED_BYTES and ctype.startswith("text/plain") and final == f"{server}/seed.txt"
    (a,) = articles(read_url(f"{server}/hop", ALLOW))
    assert a.title == SEED_TITLE and a.published == datetime(2023, 11, 22, 9, 21)
    assert a.origin == f"{server}/hop" and a.url == f"{server}/seed.txt"
    assert a.fetched_at is not None and a.fetched_at.tzinfo is not None


def test_read_url_dispatches_on_content_type(server):
    (page,) = articles(read_url(f"{server}/page", ALLOW))
    assert page.source_name == "Sahel Wire" and page.title.startswith("Gunmen abduct 20 villagers")
    feed = articles(read_url(f"{server}/feed", ALLOW))
    assert [a.origin for a in feed] == [f"{server}/feed#item {n}" for n in (1, 2, 3)]
    (latin,) = articles(read_url(f"{server}/latin", ALLOW))
    assert latin.text == "Attaque à Ménaka."


def test_redirect_to_metadata_refused_even_when_private_allowed(server):
    for path, address in (("/to-metadata", "169.254.169.254"), ("/to-metadata-v6", "fd00:ec2::254")):
        url = f"{server}{path}"
        with pytest.raises(FetchError) as err:
            fetch_url(url, ALLOW)
        assert err.value.item == url
        assert f"{address} is a cloud metadata address (always refused)" in err.value.message
    with pytest.raises(FetchError, match="metadata"):
        fetch_url("http://169.254.169.254/latest/", ALLOW)


def test_redirect_limit(server):
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/loop", Settings(allow_private_urls=True, max_redirects=3))
    assert err.value.message == "more than 3 redirects"


def test_body_over_cap_is_cut(server):
    small = Settings(allow_private_urls=True, max_bytes=100_000)
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/big", small)
    assert err.value.item == f"{server}/big" and "larger than max_bytes" in err.value.message
    with pytest.raises(FetchError) as err2:
        fetch_url(f"{server}/huge", Settings(allow_private_urls=True, max_bytes=1_000_000))
    assert err2.value.message == "body cut: larger than max_bytes (1000000 bytes)"
    assert len(fetch_url(f"{server}/big", Settings(allow_private_urls=True, max_bytes=300_000))[0]) == 300_000


def test_http_error_status(server):
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/missing", ALLOW)
    assert err.value.message == f"HTTP 404 from {server}/missing"


def test_other_schemes_refused(tmp_path):
    for url in ("ftp://example.org/report.txt", "file:///etc/passwd", "gopher://example.org/"):
        with pytest.raises(FetchError, match="http and https only"):
            fetch_url(url, ALLOW)
    good = tmp_path / "ok.txt"
    good.write_text("Clashes in Sake.\n", encoding="utf-8")
    items = list(iter_articles(["ftp://example.org/report.txt", str(good), "file:///etc/passwd"], ALLOW))
    assert [type(i).__name__ for i in items] == ["InputError", "Article", "InputError"]
    assert items[0].item == "ftp://example.org/report.txt" and "not supported" in items[0].message
    assert items[2].item == "file:///etc/passwd"


def test_private_addresses_refused():
    for url, why in (("http://10.1.2.3/", "private"), ("http://[::1]/", "loopback"),
                     ("http://169.254.10.1/", "link-local"), ("http://0.0.0.0/", "unspecified"),
                     ("http://224.0.0.1/", "multicast"), ("http://[::ffff:127.0.0.1]/", "loopback")):
        with pytest.raises(FetchError, match=why):
            check_url(url, Settings())


def test_iter_articles_mixed_batch_and_stdin(tmp_path):
    missing = tmp_path / "missing.txt"
    stdin = io.BytesIO(b"22 November 2023\n\nStdin report\n\nA report read from standard input.\n")
    items = list(iter_articles([str(EXAMPLES / "wire_feed.xml"), str(missing), "-",
                                str(EXAMPLES / "talks_no_event.txt")], Settings(), stdin=stdin))
    kinds = [(type(i).__name__, i.origin if isinstance(i, Article) else i.item) for i in items]
    assert kinds == [
        ("Article", f"{EXAMPLES / 'wire_feed.xml'}#item 1"),
        ("Article", f"{EXAMPLES / 'wire_feed.xml'}#item 2"),
        ("Article", f"{EXAMPLES / 'wire_feed.xml'}#item 3"),
        ("InputError", str(missing)),
        ("Article", "<stdin>"),
        ("Article", str(EXAMPLES / "talks_no_event.txt")),
    ]
    assert items[4].title == "Stdin report" and items[4].published == datetime(2023, 11, 22)


def test_sentences_split_where_scraping_lost_the_space() -> None:
    from eventwire.nlp import split_sentences

    text = ('The Taliban killed more than 100 members, a defense official said."We have information that 126 '
            'people died," said an official, speaking on condition of anonymity.The official said the U.S. '
            'Army and Mr. Smith agreed. It is 3.5 km away.')
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The Taliban killed more than 100 members, a defense official said.",
        '"We have information that 126 people died," said an official, speaking on condition of anonymity.',
        "The official said the U.S. Army and Mr. Smith agreed.",
        "It is 3.5 km away.",
    ]
