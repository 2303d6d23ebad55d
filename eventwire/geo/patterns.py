"""spaCy EntityRuler patterns so facilities and conflict places are tagged as places, not PERSON/ORG."""

from __future__ import annotations

from eventwire.geo.gazetteer import facilities

__all__ = ["ruler_patterns"]

# places the small English model often mislabels in conflict reporting
_PLACES = (
    "Hasakah", "al-Hasakah", "Deir ez-Zor", "Deir el-Zour", "Idlib", "Raqqa", "al-Shaddadi", "Shaddadi",
    "Qamishli", "Manbij", "Kobani", "Afrin", "Daraa", "Homs", "Hama", "Latakia", "Tartus", "Albu Kamal",
    "Mayadin", "Anbar", "al-Anbar", "Ramadi", "Fallujah", "Haditha", "Qaim", "al-Qaim", "Erbil", "Kirkuk",
    "Mosul", "Nineveh", "Tikrit", "Samarra", "Jurf al-Sakhar", "Kharkiv", "Kherson", "Zaporizhzhia", "Bakhmut",
    "Avdiivka", "Donetsk", "Luhansk", "Mariupol", "Khan Younis", "Rafah", "Jabalia", "Deir al-Balah", "Jenin",
    "Tulkarm", "Nablus", "Sanaa", "Hodeidah", "Marib", "Taiz", "Aden", "El Fasher", "Geneina", "Nyala",
    "Omdurman", "Maiduguri", "Borno", "Zamfara", "Katsina", "Mogadishu", "Kismayo", "Baidoa", "Gao", "Kidal",
    "Timbuktu", "Mopti", "Goma", "Bunia", "Beni", "Peshawar", "Quetta", "Khyber Pakhtunkhwa", "Balochistan",
    "Kandahar", "Helmand", "Nangarhar", "Sagaing", "Rakhine", "Culiacan", "Tijuana",
)


def ruler_patterns() -> list[dict]:
    pats: list[dict] = []
    seen: set[str] = set()
    for f in facilities():
        for name in (f.name, *f.aliases):
            low = name.lower()
            if low in seen or len(name) < 4:
                continue
            seen.add(low)
            pats.append({"label": "FAC", "pattern": name, "id": f.key})
    for name in _PLACES:
        pats.append({"label": "GPE", "pattern": name})
    return pats
