"""Per-field accuracy of the extractor on the dev sets; tests/test_accuracy_floors.py pins the figures.

    python benchmarks/accuracy.py                 # all sections
    python benchmarks/accuracy.py seed wikievents # some sections

Sections:
  seed        ../shared/data/seed/ain_al_asad.gold.json: every listed field of the 4 events, the
              non-events (false positives), the 4 tallies and the framing list.
  articles    benchmarks/data/articles/*.txt + *.gold.json: the seed's scoring over articles written
              (with gold) by team members who had not read the extraction code.
  case        ../shared/data/case2021_task2/test.tsv: sub-type accuracy, weighted and macro F1.
  snippets    benchmarks/data/snippets_heldout.jsonl: the same on 1,200 team-written news sentences (writer set e)
              that the sub-type model was never trained on.
  notes       benchmarks/data/notes_gold.jsonl: team-written ACLED-style notes ("On 9 May 2020,
              clashes erupted between ..."): event type, date exact, fatalities exact.
  wikievents  ../shared/data/wikievents/dev.jsonl: attacker -> actor1, victim/target -> actor2,
              place, killed counts where annotated (precision/recall/F1 over arguments).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
SEED_TXT = SHARED / "seed" / "ain_al_asad.txt"
SEED_GOLD = SHARED / "seed" / "ain_al_asad.gold.json"
CASE_TSV = SHARED / "case2021_task2" / "test.tsv"
SNIPPETS_HELDOUT = REPO / "benchmarks" / "data" / "snippets_heldout.jsonl"
WIKI_DEV = SHARED / "wikievents" / "dev.jsonl"
NOTES_GOLD = REPO / "benchmarks" / "data" / "notes_gold.jsonl"
ARTICLES = REPO / "benchmarks" / "data" / "articles"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


# --- seed ---------------------------------------------------------------------------------------

def _any(gold: dict, field: str) -> list:
    """The accepted values of a gold field: the value, and its "<field>_any_of" list when given."""
    return list(dict.fromkeys([gold.get(field), *(gold.get(f"{field}_any_of") or [])]))


def _date_ok(gold: dict, e: Any) -> bool:
    """The gold day, or any day of the gold week when both say only the week ("last week")."""
    if e.date is None:
        return False
    if e.date.date.isoformat() in _any(gold, "event_date"):
        return True
    want = date.fromisoformat(gold["event_date"]) if gold.get("event_date") else None
    return want is not None and gold.get("time_precision") == 2 and e.date.precision == 2 and \
        want.isocalendar()[:2] == e.date.date.isocalendar()[:2]


def _seed_match(gold: dict, events: Sequence[Any]):
    subs = _any(gold, "sub_event_type")
    best = None
    for e in events:
        score = (e.sub_event_type in subs) * 2 + _date_ok(gold, e)
        score += e.place is not None and e.place.country == gold["country"]
        if gold.get("latitude") is not None and e.place is not None and e.place.lat is not None:
            score += _km(e.place.lat, e.place.lon, gold["latitude"], gold["longitude"]) <= 5
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best and best[0] >= 3 else None


def _mention(event, field: str) -> str | None:
    """An actor as WikiEvents scores it: a mention in the text; one inferred with no mention is no prediction."""
    actor = getattr(event, field) if event is not None else None
    if actor is None or (actor.raw is None and field in event.inferred):
        return None
    return actor.raw or actor.name


def _place_key(name: str) -> str:
    from eventwire.geo.normalise import key

    return key(name)


def _actor_key(name: str | None) -> str | None:
    """An actor's identity: ACLED's government period ("Military Forces of Myanmar (2021-)") and an acronym
    prefix ("AA: Arakan Army") are details of the name, which gold files write either way."""
    if name is None:
        return None
    name = re.sub(r"\s*\(\d{4}-(?:\d{4})?\)$", "", name.strip())
    return re.sub(r"^[A-Z][\w-]{1,9}:\s+", "", name).casefold()


def _what(what: str) -> str:
    """The kind of a tally: gold files word it freely ("soldiers killed", "settler attacks", "IED incidents")."""
    w = what.lower()
    for kind, pattern in (("killed", r"kill|dead|death|fatalit|martyr"), ("injured", r"injur|wound"),
                          ("detained", r"detain|arrest"), ("displaced", r"displac"), ("abducted", r"abduct|kidnap")):
        if re.search(pattern, w):
            return kind
    return "events"  # attacks, strikes, incidents, raids, days of protest


def _who(speaker: str | None) -> str:
    # "a military source" and "Military source", "the Kale People's Defence Force" and the bare name: one speaker
    return re.sub(r"^(?:a|an|the)\s+", "", (speaker or "").strip(), flags=re.I).casefold()


def _claims_equal(gold: list[dict], got: Iterable[Any]) -> bool:
    want = {(_who(c["speaker"]), c["status"]) for c in gold}
    have = {(_who(c.speaker), c.status) for c in got}
    return want <= have and len(have) <= len(want) + 1


def evaluate_seed(pipeline=None) -> dict[str, tuple[int, int]]:
    """field -> (correct, total) on the seed article."""
    return evaluate_article(SEED_TXT, SEED_GOLD, pipeline)


def evaluate_articles(folder: Path = ARTICLES, pipeline=None) -> dict[str, tuple[int, int]]:
    """The seed's per-field scoring summed over a folder of <slug>.txt + <slug>.gold.json articles."""
    total: dict[str, list[int]] = {}
    pipe = pipeline or _pipeline()
    for gold_path in sorted(folder.glob("*.gold.json")):
        got = evaluate_article(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")), gold_path, pipe)
        for k, (ok, n) in got.items():
            t = total.setdefault(k, [0, 0])
            t[0] += ok
            t[1] += n
    return {k: (v[0], v[1]) for k, v in total.items()}


def evaluate_article(txt: Path, gold_path: Path, pipeline=None) -> dict[str, tuple[int, int]]:
    """field -> (correct, total) for one article and its gold file (the seed's format)."""
    from eventwire.ingest import parse_text

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    meta = gold["article"]
    published = datetime.fromisoformat(meta["published"]) if meta.get("published") else None
    article = parse_text(txt.read_text(encoding="utf-8"), origin=str(txt), source_name=meta.get("source_name"))
    if article.published is None and published is not None:
        article = parse_text(txt.read_text(encoding="utf-8"), origin=str(txt), source_name=meta.get("source_name"),
                             published=published, title=meta.get("title"))
    ex = (pipeline or _pipeline()).extract(article)
    out: dict[str, list[int]] = {}

    def tick(field: str, ok: bool) -> None:
        c = out.setdefault(field, [0, 0])
        c[0] += int(bool(ok))
        c[1] += 1

    # the day: a byline may give no time ("Sagaing Voice | 3 April 2024") or no zone
    tick("published", article.published is not None and published is not None and
         article.published.date() == published.date())
    matched = []
    for g in gold["events"]:
        e = _seed_match(g, ex.events)
        tick("event found", e is not None)
        if e is None:
            for f in ("event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2",
                      "country", "admin1", "coordinates", "geo_precision", "fatalities", "injuries",
                      "claims", "responsibility"):
                tick(f, False)
            continue
        matched.append(e)
        subs = _any(g, "sub_event_type")
        tick("event_type", e.event_type == g["event_type"])
        tick("sub_event_type", e.sub_event_type in subs)
        tick("event_date", _date_ok(g, e))
        tick("time_precision", e.date is not None and e.date.precision == g["time_precision"])
        tick("actor1", _actor_key(e.actor1.name if e.actor1 else None) in map(_actor_key, _any(g, "actor1")))
        tick("actor2", _actor_key(e.actor2.name if e.actor2 else None) in map(_actor_key, _any(g, "actor2")))
        tick("country", e.place is not None and e.place.country == g["country"])
        # spelling variants of one province ("Deir ez-Zor" / "Deir ez Zor", "Taiz" / "Taizz") are one province
        tick("admin1", e.place is not None and (e.place.admin1 == g["admin1"] or bool(
            e.place.admin1 and g["admin1"] and _place_key(e.place.admin1) == _place_key(g["admin1"]))))
        if g.get("latitude") is not None:
            tick("coordinates", e.place is not None and e.place.lat is not None and
                 _km(e.place.lat, e.place.lon, g["latitude"], g["longitude"]) <= 5)
        tick("geo_precision", e.place is not None and e.place.geo_precision == g["geo_precision"])
        tick("fatalities", (e.fatalities.best if e.fatalities else None) == g["fatalities"])
        tick("injuries", (e.injuries.best if e.injuries else None) == g["injuries"])
        tick("claims", _claims_equal(g.get("claims", []), e.claims))
        tick("responsibility", _claims_equal(g.get("responsibility", []), e.responsibility))
        for q in g.get("must_quote", []):
            tick("evidence quotes", any(q.lower() in s.text.lower() for spans in e.evidence.values() for s in spans))
        tick("evidence spans exact", all(article.text[s.start:s.end] == s.text
                                         for spans in e.evidence.values() for s in spans))
    extra = len(ex.events) - len(matched)
    out["no false events"] = [int(extra == 0), 1]
    out["false events"] = [extra, 0]

    for t in gold.get("tallies", []):
        ok = any(_what(x.what) == _what(t["what"]) and x.count.best == t["count"]["best"] for x in ex.tallies)
        tick("tallies", ok)
        got = next((x for x in ex.tallies if _what(x.what) == _what(t["what"]) and x.count.best == t["count"]["best"]),
                   None)
        if "since" in t:
            tick("tally since", got is not None and got.since is not None and got.since.date.isoformat() == t["since"])
        if t.get("breakdown"):
            tick("tally breakdown", got is not None and dict(got.breakdown) == t["breakdown"])
    found = {f.term.lower() for f in ex.framings}
    for f in gold.get("framing", []):
        tick("framing recall", f["term"].lower() in found)
    gold_terms = {f["term"].lower() for f in gold.get("framing", [])}
    out["framing flags beyond the gold list"] = [len(found - gold_terms), 0]
    return {k: (v[0], v[1]) for k, v in out.items()}


# --- CASE 2021 ----------------------------------------------------------------------------------

def _subtype_scores(gold: list[str | None], pred: list[str | None]) -> dict[str, float]:
    """Sub-type accuracy, weighted and macro F1 over the ACLED labels present in gold, event-type accuracy."""
    from eventwire.taxonomy import TYPE_OF

    labels = sorted({g for g in gold if g})
    f1s, supports = [], []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        supports.append(tp + fn)
    n = len(gold)
    type_ok = sum(1 for g, p in zip(gold, pred, strict=True) if (TYPE_OF.get(g) if g else None) ==
                  (TYPE_OF.get(p) if p else None))
    return {
        "snippets": n,
        "sub-type accuracy": sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / n,
        "weighted F1 (25 ACLED)": sum(f * s for f, s in zip(f1s, supports, strict=True)) / max(1, sum(supports)),
        "macro F1 (25 ACLED)": sum(f1s) / len(f1s),
        "event type accuracy": type_ok / n,
    }


def evaluate_case(path: Path = CASE_TSV) -> dict[str, float]:
    """Sub-type accuracy and weighted/macro F1 over the 25 ACLED labels; the 5 non-ACLED labels expect none."""
    import csv

    from eventwire.extract.types import classify_snippet as classify
    from eventwire.taxonomy import CASE_CODES

    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return _subtype_scores([CASE_CODES[r["SubType"]] for r in rows],
                           [classify(r["EventSnippet"]).sub_event_type for r in rows])


def evaluate_snippets(path: Path = SNIPPETS_HELDOUT) -> dict[str, float]:
    """The same scores on team-written news sentences the sub-type model never trained on (writer set e)."""
    from eventwire.extract.types import classify_snippet as classify
    from eventwire.taxonomy import CASE_CODES

    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return _subtype_scores([CASE_CODES[r["label"]] for r in rows], [classify(r["text"]).sub_event_type for r in rows])


# --- notes --------------------------------------------------------------------------------------

def evaluate_notes(pipeline=None, path: Path = NOTES_GOLD) -> dict[str, float]:
    from eventwire.models import Article

    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    pipe = pipeline or _pipeline()
    arts = [Article.from_text(r["note"], origin=f"notes:{i + 1}",
                              published=datetime.fromisoformat(r["published"]) if r.get("published") else None)
            for i, r in enumerate(rows)]
    n = len(rows)
    typ = date_ok = fat_ok = fat_n = found = 0
    for r, ex in zip(rows, pipe.extract_many(arts), strict=True):
        e = max(ex.events, key=lambda e: e.confidence, default=None)
        found += e is not None
        typ += e is not None and e.event_type == r["event_type"]
        date_ok += e is not None and e.date is not None and e.date.date.isoformat() == r["event_date"]
        if "fatalities" in r:
            fat_n += 1
            got = e.fatalities.best if e is not None and e.fatalities is not None else 0
            fat_ok += got == r["fatalities"]
    return {"notes": n, "event found": found / n, "event_type accuracy": typ / n, "event_date exact": date_ok / n,
            "fatalities exact": fat_ok / max(1, fat_n)}


# --- WikiEvents ---------------------------------------------------------------------------------

_DETECTED = ("Conflict.Attack", "Life.Die", "Life.Injure", "Justice.ArrestJailDetain", "Conflict.Demonstrate")
_ATTACKER = {"Attacker", "Killer", "Jailer", "Detainer"}
_VICTIM = {"Victim", "Target"}
_WORD = re.compile(r"[A-Za-z0-9]+")
_FUNC = frozenset({"the", "a", "an", "of", "in", "at", "on", "and", "his", "her", "their", "its"})


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")} - _FUNC


def _overlap(a: str | None, b: str | None) -> bool:
    return bool(_words(a) & _words(b))


def _wiki_docs(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _char_offsets(doc: dict) -> list[tuple[int, int]]:
    """Character offsets of each token of the WikiEvents document in doc['text']."""
    text, pos, out = doc["text"], 0, []
    for tok in doc["tokens"]:
        start = text.find(tok, pos)
        if start < 0:
            start = pos
        out.append((start, start + len(tok)))
        pos = start + len(tok)
    return out


def evaluate_wikievents(pipeline=None, path: Path = WIKI_DEV) -> dict[str, dict[str, float]]:
    from eventwire.models import Article

    docs = _wiki_docs(path)
    pipe = pipeline or _pipeline()
    arts = [Article.from_text(d["text"], origin=f"wikievents:{d['doc_id']}") for d in docs]
    stats = {k: [0, 0, 0] for k in ("actor1", "actor2", "place", "killed")}  # tp, pred, gold
    # event detection by sentence: an event of ours is right when one of its sentences holds a gold
    # conflict mention (attack, death, injury, arrest); a gold mention is found when an event covers it
    found = {"events": [0, 0, 0], "mentions": [0, 0, 0]}
    for doc, art, ex in zip(docs, arts, pipe.extract_many(arts), strict=True):
        if art.text != doc["text"]:
            continue  # normalisation changed offsets: skip rather than mis-score
        offs = _char_offsets(doc)
        ents = {m["id"]: m for m in doc["entity_mentions"]}
        conflict = [offs[em["trigger"]["start"]][0] for em in doc["event_mentions"]
                    if em["event_type"].startswith(_DETECTED)]
        for e in ex.events:
            found["events"][1] += 1
            found["events"][0] += any(s.start <= t < s.end for s in e.evidence.get("sentence", ()) for t in conflict)
        for t in conflict:
            found["mentions"][2] += 1
            found["mentions"][0] += any(s.start <= t < s.end for e in ex.events for s in e.evidence.get("sentence", ()))
        for em in doc["event_mentions"]:
            if not em["event_type"].startswith(("Conflict.Attack", "Life.Die", "Life.Injure")):
                continue
            t0 = offs[em["trigger"]["start"]][0]
            e = next((e for e in ex.events for s in e.evidence.get("sentence", ()) if s.start <= t0 < s.end), None)
            gold = {"actor1": [], "actor2": [], "place": []}
            for arg in em["arguments"]:
                text = ents.get(arg["entity_id"], {}).get("text", arg.get("text"))
                if arg["role"] in _ATTACKER:
                    gold["actor1"].append(text)
                elif arg["role"] in _VICTIM:
                    gold["actor2"].append(text)
                elif arg["role"] == "Place":
                    gold["place"].append(text)
            # WikiEvents scores argument mentions: an actor inferred with no mention of its own ("Unidentified
            # Armed Group" for a bomb nobody is named for) is not a predicted argument
            pred = {
                "actor1": _mention(e, "actor1"),
                "actor2": _mention(e, "actor2"),
                # a place inferred with no mention (the article's country for an event that names none) is
                # not a predicted Place argument either
                "place": e.place.span.text if e and e.place and e.place.span else (
                    e.place.name if e and e.place and "location" not in e.inferred else None),
            }
            # a place is also right when the resolved place lies in the gold one ("Camp Shorabak",
            # resolved in Helmand, Afghanistan, for gold "Helmand Province"), or when it is a region
            # (precision 3) that contains the gold place ("Northern Ireland" for gold "Derry")
            place_names = [x for x in (e.place.admin1, e.place.country) if x] if e and e.place else []
            if e and e.place and (e.place.geo_precision or 3) == 3 and pipe.geocoder is not None:
                for g in gold["place"]:
                    gp = pipe.geocoder.geocode(g, context=doc["text"][max(0, t0 - 300):t0 + 300])
                    if gp is not None and (gp.geo_precision or 3) < 3 and (
                            (e.place.admin1 and gp.admin1 == e.place.admin1) or
                            (not e.place.admin1 and gp.country == e.place.country)):
                        place_names.append(g)
            for k in gold:
                if gold[k]:
                    stats[k][2] += 1
                # WikiEvents marks a Place argument only where the mention's own sentence names one; our
                # place is the event's (often named in the lead), so it is scored where a gold place exists
                if k == "place" and not gold[k]:
                    continue
                if pred[k]:
                    stats[k][1] += 1
                    also = place_names if k == "place" else []
                    stats[k][0] += any(_overlap(p, g) for p in (pred[k], *also) for g in gold[k])
            if em["event_type"].startswith("Life.Die"):
                victims = " ".join(gold["actor2"])
                m = re.search(r"\b(\d[\d,]*)\b", victims)
                if m:
                    stats["killed"][2] += 1
                    if e is not None and e.fatalities is not None:
                        stats["killed"][1] += 1
                        stats["killed"][0] += e.fatalities.best == int(m.group(1).replace(",", ""))
    tp_e, n_e, _ = found["events"]
    tp_m, _, n_m = found["mentions"]
    stats["events"] = [min(tp_e, n_e), n_e, 0]
    out = {}
    for k, (tp, npred, ngold) in stats.items():
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        out[k] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": ngold}
    p, r = out["events"]["precision"], (tp_m / n_m if n_m else 0.0)
    out["events"] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_m}
    return out


# --- report -------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    sections = (argv if argv is not None else sys.argv[1:]) or ["seed", "articles", "case", "snippets", "notes",
                                                                "wikievents"]
    pipe = _pipeline() if {"seed", "articles", "notes", "wikievents"} & set(sections) else None
    if "seed" in sections:
        print("== seed: ain_al_asad.gold.json ==")
        for field, (ok, total) in evaluate_seed(pipe).items():
            shown = f"{ok}/{total}" if total else f"{ok}"
            print(f"  {field:<32}{shown:>8}")
    if "articles" in sections and any(ARTICLES.glob("*.gold.json")):
        n = len(list(ARTICLES.glob("*.gold.json")))
        print(f"== articles: {n} team-written articles with gold (benchmarks/data/articles) ==")
        for field, (ok, total) in evaluate_articles(ARTICLES, pipe).items():
            shown = f"{ok}/{total}" if total else f"{ok}"
            print(f"  {field:<32}{shown:>8}")
    if "case" in sections and CASE_TSV.exists():
        print("== CASE 2021 task 2 (sub-types) ==")
        for k, v in evaluate_case().items():
            if isinstance(v, float | int):
                print(f"  {k:<32}{v:>8.3f}" if isinstance(v, float) else f"  {k:<32}{v:>8}")
    if "snippets" in sections and SNIPPETS_HELDOUT.exists():
        print("== held-out snippets: 1,200 team-written news sentences, writer set e, not trained on ==")
        for k, v in evaluate_snippets().items():
            print(f"  {k:<32}{v:>8.3f}" if isinstance(v, float) else f"  {k:<32}{v:>8}")
    if "notes" in sections and NOTES_GOLD.exists():
        print("== notes: team-written ACLED-style notes ==")
        for k, v in evaluate_notes(pipe).items():
            print(f"  {k:<32}{v:>8.3f}" if isinstance(v, float) else f"  {k:<32}{v:>8}")
    if "wikievents" in sections:
        for name, path in (("dev", WIKI_DEV), ("test", WIKI_DEV.with_name("test.jsonl"))):
            print(f"== WikiEvents {name} (arguments of attack/die/injure mentions; events by sentence) ==")
            print(f"  {'field':<12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
            for k, m in evaluate_wikievents(pipe, path).items():
                print(f"  {k:<12}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['gold']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
