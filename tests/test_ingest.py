"""Ingest on real files: the seed, the examples, JSONL, folders."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest import parse_feed, parse_html, parse_jsonl, parse_text, read_path
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
