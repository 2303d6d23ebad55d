"""Ingest-level bad input: each bad item gives one clear InputError naming it; the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest import parse_feed, parse_html, parse_jsonl, parse_text, read_path
from eventwire.models import Article
from eventwire.settings import Settings

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
GOOD_TEXT = "Tuesday 5 March 2024 - 10:40\n\nStrike on Kharkiv\n\nA missile strike on Kharkiv killed three people.\n"


def split(items) -> tuple[list[Article], list[InputError]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def batch_with(tmp_path: Path, name: str, data: bytes) -> tuple[list[Article], list[InputError], Path]:
    """A folder with one bad file between two good ones."""
    (tmp_path / "a_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data)
    (tmp_path / "z_good.txt").write_text(GOOD_TEXT.replace("three", "four"), encoding="utf-8")
    good, errors = split(read_path(tmp_path, Settings()))
    return good, errors, bad


def test_empty_file(tmp_path):
    good, errors, bad = batch_with(tmp_path, "m_empty.txt", b" \n\t\n")
    assert [a.origin for a in good] == [str(tmp_path / "a_good.txt"), str(tmp_path / "z_good.txt")]
    (err,) = errors
    assert err.item == str(bad) and err.message == "empty document"
    assert str(err) == f"{bad}: empty document"


def test_empty_text_argument():
    try:
        parse_text("   \n \n", origin="<stdin>")
    except InputError as err:
        assert (err.item, err.message) == ("<stdin>", "empty document")
    else:
        raise AssertionError("no error for empty text")


def test_binary_file(tmp_path):
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    good, errors, bad = batch_with(tmp_path, "m_image.txt", png_like)
    assert len(good) == 2
    (err,) = errors
    assert err.item == str(bad) and "binary" in err.message


def test_mostly_control_characters_is_binary():
    data = "".join(chr(c) for c in (1, 2, 3, 4, 5, 6, 7, 8)) * 100 + "text"
    try:
        parse_text(data, origin="ctl")
    except InputError as err:
        assert err.item == "ctl" and "binary" in err.message
    else:
        raise AssertionError("no error for control characters")


def test_file_over_size_cap(tmp_path):
    big = b"Shelling continued overnight in the city. " * (20 * 1024 * 1024 // 42 + 1)
    assert len(big) > 20 * 1024 * 1024
    good, errors, bad = batch_with(tmp_path, "m_big.txt", big)
    assert len(good) == 2
    (err,) = errors
    assert err.item == str(bad) and "max_bytes" in err.message
    try:
        parse_text(big.decode("ascii"), origin="big", settings=Settings(max_bytes=1024))
    except InputError as err2:
        assert err2.item == "big" and "larger than max_bytes (1024 bytes)" in err2.message
    else:
        raise AssertionError("no error for oversized text")


def test_cp1252_and_latin1_decoded(tmp_path):
    text = "Le président a déclaré à Genève que «la trêve» était rompue à Bouaké.\n"
    good, errors, _ = batch_with(tmp_path, "m_cp1252.txt", text.encode("cp1252"))
    assert errors == []
    assert "président a déclaré à Genève" in good[1].text and "Bouaké" in good[1].text
    short = "Café in São Paulo, officials said."
    assert parse_text(short.encode("latin-1")).text == short
    assert parse_text("Ukraine’s “defence” ministry – 5 killed".encode("cp1252")).text == (
        "Ukraine’s “defence” ministry – 5 killed")


def test_invalid_utf8_in_mostly_utf8_text_does_not_crash():
    data = "Des civils ont été tués à Ménaka.".encode() + b" \xff\xfe broken tail."
    a = parse_text(data, origin="mixed")
    assert a.text.startswith("Des civils ont") and "broken tail." in a.text


def test_utf8_bom_and_utf16():
    text = "Attaque à Kidal, selon l’armée."
    assert parse_text(b"\xef\xbb\xbf" + text.encode("utf-8")).text == text
    assert parse_text(text.encode("utf-16")).text == text


def test_broken_html(tmp_path):
    broken = b"<html><body><div><p>Gunmen killed five in Katsina.<table><tr><td>unclosed</span></p>"
    good, errors, bad = batch_with(tmp_path, "m_broken.html", broken)
    assert errors == [] and len(good) == 3
    assert good[1].text.startswith("Gunmen killed five in Katsina.")
    try:
        parse_html("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>",
                   origin="page.html")
    except InputError as err:
        assert err.item == "page.html" and "no text" in err.message
    else:
        raise AssertionError("no error for an HTML page without text")


def test_broken_feed(tmp_path):
    good, errors, bad = batch_with(tmp_path, "m_feed.xml", b"<rss><channel><item><title>Half an it")
    assert len(good) == 2
    (err,) = errors
    assert err.item == str(bad) and "feed" in err.message
    (only,) = parse_feed("this is not xml at all", origin="f.rss", settings=Settings())
    assert isinstance(only, InputError) and only.item == "f.rss"


def test_bad_jsonl_line_among_good(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Clashes in Sake."}),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": "Curfew in Goma.", "published": "last Tuesday"}),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": "f", "text": "Aid reached Bunia."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, errors = split(read_path(path, Settings()))
    assert [a.id for a in good] == ["a", "f"]
    assert [e.item for e in errors] == [f"{path}:line {n}" for n in (2, 3, 4, 5, 6)]
    assert errors[0].message.startswith("invalid JSON")
    assert errors[1].message == 'missing or non-string "text"'
    assert errors[3].message.startswith('"published" is not an ISO date')
    assert errors[4].message == "empty document"
    # Same through the function directly, given one string.
    good2, errors2 = split(parse_jsonl("\n".join(lines), origin="x"))
    assert [a.id for a in good2] == ["a", "f"] and errors2[0].item == "x:line 2"


def test_missing_path(tmp_path):
    missing = tmp_path / "nope" / "gone.txt"
    (err,) = read_path(missing, Settings())
    assert isinstance(err, InputError)
    assert err.item == str(missing) and err.message == "no such file or directory"
