"""Name keys for matching toponyms across transliterations: Al-Asad / Assad / el-Asad -> "asad"."""

from __future__ import annotations

import re

from unidecode import unidecode

__all__ = ["key", "admin_name"]

_ARTICLE = re.compile(r"\b(?:al|el|ash|as|ad|an|ar|at|az|ath|adh|ul|as-|es|ech|et)\s+")
_QUOTES = re.compile(r"[’'`‘ʼʻ\u02bf\u02be]")
_NONWORD = re.compile(r"[^a-z0-9 ]+")
_SPELLING = (("kharkov", "kharkiv"), ("kiev", "kyiv"), ("odessa", "odesa"), ("nikolaev", "mykolaiv"),
             ("zaporozhye", "zaporizhzhia"), ("lugansk", "luhansk"), ("tell ", "tal "), ("tall ", "tal "))


def key(name: str) -> str:
    """Lower-case ASCII, no articles, quotes, hyphens or doubled letters."""
    s = unidecode(name).lower()
    s = _QUOTES.sub("", s)
    s = s.replace("-", " ")
    s = _NONWORD.sub(" ", s)
    s = " " + re.sub(r"\s+", " ", s).strip() + " "
    for a, b in _SPELLING:
        s = s.replace(" " + a, " " + b)
    s = _ARTICLE.sub(" ", s).strip()
    s = re.sub(r"(.)\1", r"\1", s)  # Assad/Asad, Shaddadi/Shadadi
    s = s.replace("ou", "u").replace("ee", "i")
    s = re.sub(r"(?<=[a-z]{3})ah\b", "a", s)  # Qalqilyah/Qalqilya, Raqqah/Raqqa
    return re.sub(r"\s+", " ", s).strip()


def admin_name(name: str) -> str:
    """GeoNames-style admin1 names in ACLED's plainer spelling ("Al-Hasakah" -> "Al Hasakah")."""
    s = unidecode(name)
    s = re.sub(r"^(?:Mayorality|Muhafazat|Wilayat|Provincia|Departamento|Sha`biyat|Sha'biyat) (?:of |de |del )?",
               "", s)
    s = re.sub(r"\s+(?:Governorate|Province|Oblast|Region|State|Prefecture|Department|Division)$", "", s)
    s = re.sub(r"^(Al|As|Ash|Ar|Ad|An|At|Az|Ad|El)-", r"\1 ", s)
    return s.strip()
