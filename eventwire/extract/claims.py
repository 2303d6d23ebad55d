"""Who says so, through which channel, and with what status; claims of responsibility.

Status rules: ``denied`` when the speaker denies; ``claimed`` when a party asserts its own act
(claims of responsibility, armed groups' statements); ``confirmed`` when an official of a state
authority states the facts (a ministry, the military, the police, a government spokesperson);
``reported`` for media and unnamed or third-party sources ("according to local media"). A
perpetrator's claim alone is never ``confirmed``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.actors import Coref, channel_of, named_groups, normalise_actor
from eventwire.models import Claim, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["find_claims", "find_responsibility"]

_SPEECH = frozenset({"say", "add", "confirm", "deny", "announce", "state", "report", "tell", "note",
                     "claim", "declare", "acknowledge", "insist", "allege", "accuse"})
_OFFICIAL = re.compile(r"pentagon|ministry|minister|military|army|armed forces|police|government|spokes|"
                       r"air force|navy|naval|coast guard|administration|department|prosecutor|inter-services|"
                       r"\bispr\b|media wing|defence headquarters|defense headquarters|"
                       r"command|centcom|official|governor|defen[cs]e|security forces|authorities|idf|"
                       r"president|prime minister|interior|general|mayor|head of the (?:city|district|region|"
                       r"province|town|municipality|administration)|prefect|commissioner|secretariat|ombudsman|"
                       r"attorney general|communications? (?:office|bureau)|emergency service|civil defen[cs]e|presidency|"
                       r"junta|bureau|fire service|hospital officials", re.I)
# spokespeople of bodies that are not state authorities: "a church spokesman", "the family's spokesperson"
_NOT_STATE = re.compile(r"church|diocese|mosque|temple|party|family|hospital|company|school|university|union|"
                        r"campaign|charity|ngo|opposition|rebel|militia|movement|group", re.I)
_MEDIA = re.compile(r"media(?! wing| office| cell| department)|news|agency|reuters|associated press|\bap\b|afp|tv|television|newspaper|"
                    r"reporter|correspondent|witness|residents?|sources?|monitor|observatory", re.I)
# "IS-K said one of its fighters had 'killed and wounded around 40 apostates'": an armed group's own account
_OWN_MEN = (r"\bsaid\s+(?:that\s+)?(?:one\s+of\s+)?(?:its|their)\s+(?:fighters?|members?|militants?|mujahideen|"
            r"cadres?|operatives?|martyrdom\s+seekers?|men)\s+(?:had\s+|have\s+)?[\"“]?(?:killed|carried\s+out|attacked|"
            r"targeted|struck|stormed|ambushed|detonated|blew)\b")
_RESP = re.compile(r"\b(?:claimed|claims|claiming)\s+(?:the\s+)?(?:responsibility|credit)\b|"
                   r"\btook\s+responsibility\b|\bclaimed\s+(?:the|an|this|that)\s+(?:\w+\s+)?"
                   r"(?:attack|operation|strike|bombing|assault|raid)\b|"
                   r"\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:carried out|launched|targeted|attacked|struck)\b|"
                   + _OWN_MEN, re.I)
_DENY_RESP = re.compile(r"\bdenied\s+(?:any\s+)?(?:responsibility|involvement|carrying out|being behind)\b", re.I)
_RANKS = re.compile(r"^(?:(?:brigadier|major|lieutenant|lt\.?|maj\.?|gen\.?|general|colonel|col\.?|captain|"
                    r"capt\.?|rear admiral|admiral|sergeant|sgt\.?)\s+)+", re.I)


def _clean_name(name: str) -> str:
    name = name.strip().lstrip("\"“”‘’'«»-–— ")
    # "SITTWE, Myanmar, Feb 7 - The Arakan Army": a dateline glued to the subject
    name = re.split(r"\s[-–—]\s", name)[-1]
    name = re.sub(r"^(?:the\s+)?[A-Z][\w-]*-based\s+", "", name)  # "Britain-based Syrian Observatory ..."
    # "killing at least nine, most of them soldiers, police and medics said": the last coordinated part
    if len(name.split()) > 6 and "," in name and re.search(r"\w\s+and\s+\w", name.rsplit(",", 1)[-1]):
        name = re.sub(r"^(?:and|or)\s+", "", name.rsplit(",", 1)[-1].strip())
    # "a security source" -> "security source"; "two residents reached by telephone" -> "two residents"
    name = re.sub(r"^(?:a|an)\s+", "", name, flags=re.I)
    name = re.split(r",?\s+(?:reached|contacted|speaking|quoted|interviewed|who|which|cited)\b", name)[0]
    return _RANKS.sub("", name).strip(" ,")


_TITLE_WORDS = re.compile(r"\b(?:(?:deputy|senior|chief|press|top|former|acting|regional|provincial|local|"
                          r"military|army|police|government)\s+)*(?:spokes(?:person|man|woman)|officials?|minister|"
                          r"commander|secretary|chief|head|director|governor|president|envoy|ambassador|"
                          r"representative|mayor|officer|sources?)\b.*$", re.I)
_INSTITUTION = re.compile(r"\b(?:ministry|ministries|pentagon|police|army|military|armed forces|government|"
                          r"command|centcom|office|agency|council|authorities|prosecutors?|court|"
                          r"department|forces|observatory|committee|commission|mission|embassy)\b", re.I)


def organisation_of(name: str | None, role: str | None) -> str | None:
    """The body a speaker speaks for: 'Pentagon' in 'Pentagon deputy spokesperson', 'the Taliban' in
    'spokesman for the Taliban'; an institution speaking as itself ('Defense ministry officials')."""
    for text in (role, name):
        if not text:
            continue
        m = re.search(r"\b(?:for|of|at|from|in)\s+(?:the\s+)?(.{3,60}?)(?:\s+in\s+[A-Z].*)?$", text)
        if m and (text is role or _INSTITUTION.search(m.group(1))):
            return m.group(1).strip(" ,")
        before = _TITLE_WORDS.sub("", text).strip(" ,")
        before = re.sub(r"^(?:the|a|an)\s+", "", before, flags=re.I)
        if before and before != text.strip() and (text is role or _INSTITUTION.search(before)):
            return before
        if text is name and _INSTITUTION.search(text) and not re.search(r"[A-Z][a-z]+ [A-Z][a-z]+$", text):
            return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return None


def _subject_phrase(verb: Token, coref: Coref | None):
    """The speaker of a speech verb: its subject (full noun phrase), resolved through coreference."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            # "no casualties were reported", "the deaths were confirmed by police": the subject is what is
            # said; the speaker, if any, is the agent
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                         None)
            if agent is None:
                return None, None
            child = agent
        if child.dep_ in {"nsubj", "pobj"}:
            if coref is not None and coref.get(child.i) is not None:
                return coref.get(child.i), child
            tokens = [t for t in child.subtree if t.dep_ not in {"punct"}]
            # "Pat Ryder, a Pentagon spokesperson," -> the name before the apposition
            appos = [t for t in child.children if t.dep_ == "appos"]
            if appos:
                tokens = [t for t in tokens if t.i < min(a.left_edge.i for a in appos)]
            text = child.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else child.text
            return text.strip(" ,"), child
    return None, None


def _speaker_fields(speaker, head: Token | None, coref: Coref | None, sent_text: str):
    """name, role, organisation for a speaker (an Actor from coreference or a raw phrase)."""
    if speaker is None:
        return None, None, None
    if not isinstance(speaker, str):  # an Actor from coreference
        name = _clean_name(speaker.name)
        return name, speaker.role, None
    name = _clean_name(speaker)
    if coref is not None and " " not in name and name in coref.people:  # "Ryder added" -> Pat Ryder
        person = coref.people[name]
        return _clean_name(person.name), person.role, None
    role = coref.roles.get(speaker) if coref else None
    if role is None and coref is not None:
        role = next((r for n, r in coref.roles.items() if _clean_name(n) == name), None)
    # "the United States Central Command [CENTCOM]" -> drop the article and the bracketed acronym
    name = re.sub(r"^(?:the)\s+", "", name, flags=re.I)
    name = re.sub(r"\s*[\[(][A-Z]{2,}[\])]\s*$", "", name)
    return name, role, None


# a bare office or institution ("the governor said", "the ministry said"): who it is was said before
_SHORT = re.compile(r"^(?:the\s+)?(?:(?:county|regional|district|provincial|state|city|local|deputy|area)\s+)?"
                    r"(?P<noun>governor|commissioner|mayor|minister|spokes(?:man|woman|person)|commander|"
                    r"ministry|army|military|bureau|observatory|monitor|agency|command|administration|"
                    r"service|council|committee|office|division)$", re.I)
_NOUN_FORMS = {"army": r"army|armed forces", "military": r"military|armed forces|army"}
_PERSON_ROLES = frozenset({"governor", "commissioner", "mayor", "minister", "spokesman", "spokeswoman", "spokesperson",
                           "commander"})


def _expand_short(name: str, role: str | None, doc: Doc, end: int, coref: Coref | None) -> tuple[str, str | None]:
    """'the governor' -> 'Vyacheslav Gladkov' (the person named earlier with that role); 'the ministry' ->
    'Russian Defence Ministry' (the last full name of such a body before ``end``, where the sentence starts)."""
    m = _SHORT.match(name.strip())
    if m is None:
        return name, role
    noun = m.group("noun").lower()
    if noun in _PERSON_ROLES:
        person = next((p for p in reversed(list(coref.people.values()))
                       if p.role and re.search(rf"\b{noun}\b", p.role, re.I)), None) if coref is not None else None
        return (_clean_name(person.name), person.role) if person is not None else (name, role)
    forms = _NOUN_FORMS.get(noun, re.escape(noun))
    before = doc.text[:end]  # only now: spaCy rebuilds doc.text on every access
    full = None
    # capitalised words before the noun: "Russian Defence Ministry", "Sudanese army", not "Jihadists attack army"
    for fm in re.finditer(rf"\b((?:[A-Z][\w'’.-]*\s+){{1,4}}(?i:{forms})\b(?:\s+(?:of|for)\s+(?:the\s+)?"
                          rf"(?:[A-Z][\w'’-]*\s*){{1,4}})?)", before):
        words = fm.group(1).split()
        while words and words[0].lower() in {"the", "a", "an", "on", "in", "at", "as", "but", "and", "said"}:
            words = words[1:]
        if len(words) >= 2:
            full = " ".join(words)
    return (full, role) if full else (name, role)


def _status(verb_lemma: str, name: str | None, role: str | None) -> str:
    if verb_lemma == "deny":
        return "denied"
    if verb_lemma == "claim":
        return "claimed"
    who = " ".join(x for x in (name, role) if x)
    if not who or _MEDIA.search(who):
        return "reported"
    actor = normalise_actor(who)
    if actor is not None and actor.inter in {2, 3, 4}:
        return "claimed"  # an armed group speaking of its own operations
    if _OFFICIAL.search(who) and not _NOT_STATE.search(who):
        return "confirmed"
    return "reported"


def _span(sent: SpacySpan, start: int, end: int, article_id: str | None) -> Span:
    # sent.text, not doc.text: spaCy rebuilds the text from every token of the doc on each access
    base = sent.start_char
    return Span(start, end, sent.text[start - base:end - base], article_id)


def _split_speakers(name: str) -> list[str]:
    """'witnesses and medics', 'a local rescue volunteer and a resident who helped': two sources, not one;
    'Ambulance and Emergency Service' (a name) stays whole."""
    parts = re.split(r"\s+and\s+(?:an?\s+|the\s+)?", name, maxsplit=1)
    if len(parts) != 2 or not all(parts) or parts[0][:1].isupper() and parts[1][:1].isupper():
        return [name]
    if len(parts[0].split()) > 5:
        return [name]
    return [re.sub(r"^(?:an?|the)\s+", "", p.strip(), flags=re.I) for p in parts]


def find_claims(doc: Doc, sent: SpacySpan, *, coref: Coref | None = None, article_id: str | None = None
                ) -> list[Claim]:
    """Attributions in one sentence: 'X said in a statement', 'according to X', 'X confirmed'."""
    out: list[Claim] = []
    sent_text = sent.text
    if _RESP.search(sent_text) or _DENY_RESP.search(sent_text):
        return out  # handled by find_responsibility
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_ not in _SPEECH:
            continue
        speaker, head = _subject_phrase(tok, coref)
        if speaker is None:
            continue
        name, role, org = _speaker_fields(speaker, head, coref, sent_text)
        if name:
            name, role = _expand_short(name, role, doc, sent.start_char, coref)
        # "SITTWE" (a dateline read as the subject), "No group", "Nobody": not speakers
        if not name or not name[0].isalnum() or (name.isupper() and " " not in name and len(name) > 3) or \
                re.match(r"(?i)(?:no|none|nobody|no one)\b", name) or name.lower() in {"it", "they", "he", "she", "we", "i", "who", "which", "that", "this", "him",
                                        "her", "them", "us"} or name.count("(") != name.count(")") or \
                len(name.split()) > 12:  # a clause read as the subject ("a sniper ... shot and wounded a man")
            continue
        role = re.sub(r"^(?:a|an|the)\s+", "", role, flags=re.I) if role else role
        org = org or organisation_of(name, role)
        channel = channel_of(sent_text)
        if channel is None and tok.lemma_ in {"add", "note"} and coref is not None:
            channel = next((c for n, c in coref.channels.items() if _clean_name(n) == name), None)
        status = _status(tok.lemma_, name, role)
        start = min(head.left_edge.idx if head is not None else tok.idx, tok.idx)
        span = _span(sent, start, tok.idx + len(tok.text), article_id)
        for part in _split_speakers(name):
            part_status = _status(tok.lemma_, part, role) if part != name else status
            out.append(Claim(part, part_status, role if part == name else None,
                             org if part == name else organisation_of(part, None), channel, span))
    m = re.search(r"\baccording to\s+((?:the\s+|an?\s+)?[^,.;]{2,80})", sent_text, re.I)
    if m:
        who = m.group(1).strip()
        name = re.sub(r"^(?:the|an?)\s+", "", who, flags=re.I)
        role = None
        if coref is not None and " " not in name and name in coref.people:  # "according to Prikhodko"
            person = coref.people[name]
            name, role = _clean_name(person.name), person.role
        elif name.lower() in {"him", "her"}:  # "According to him": the person last named
            tok = next((t for t in sent if t.idx == sent.start_char + m.start(1)), None)
            person = coref.get(tok.i) if coref is not None and tok is not None else None
            name, role = (_clean_name(person.name), person.role) if person is not None else ("", None)
        else:
            name, role = _expand_short(name, role, doc, sent.start_char, coref)
    if m and name and not re.match(r"(?i)(?:them|it|us|me|reports?|sources?)$", name):
        status = _status("say", name, role)
        start = sent.start_char + m.start()
        span = _span(sent, start, sent.start_char + m.end(), article_id)
        for part in _split_speakers(name):
            out.append(Claim(part, status if part == name else _status("say", part, None),
                             role if part == name else None, organisation_of(part, role if part == name else None),
                             channel_of(sent_text), span))
    return out


def find_responsibility(doc: Doc, sent: SpacySpan, *, coref: Coref | None = None, article_id: str | None = None
                        ) -> list[Claim]:
    """Claims (or denials) of responsibility in one sentence, with the claimant and channel."""
    sent_text = sent.text
    m = _RESP.search(sent_text) or _DENY_RESP.search(sent_text)
    if not m:
        return []
    status = "denied" if _DENY_RESP.search(sent_text) else "claimed"
    verb = next((t for t in sent if sent.start_char + m.start() <= t.idx < sent.start_char + m.end()
                 and t.pos_ in {"VERB", "AUX"}), None)
    speaker = None
    if verb is not None:
        speaker, _ = _subject_phrase(verb, coref)
    if speaker is None:
        # the first armed group named before the claim
        for ent_actor in (normalise_actor(sent_text[:m.start()]),):
            if ent_actor is not None:
                speaker = ent_actor
    if speaker is None or isinstance(speaker, str) and (re.match(r"(?i)(?:no|none|nobody|no one)\b", speaker) or
                                                         speaker.isupper() and " " not in speaker.strip()):
        return []  # "No group has claimed responsibility"; "KABUL" (a dateline read as the subject)
    actor = normalise_actor(speaker) if isinstance(speaker, str) else speaker
    if actor is None or not actor.inter:
        # the parser cut a long name ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed"): the armed
        # group named last before the claim
        actor = next(reversed(named_groups(sent_text[:m.start()])), None) or actor
    if re.fullmatch(_OWN_MEN, m.group(0), re.I) and (actor is None or actor.inter not in {2, 3, 4}):
        return []  # "the army said its men killed ...": an operation report, not a claim of responsibility
    if actor is not None and (actor.inter in {2, 3, 4} or not isinstance(speaker, str)):
        name = actor.name
    else:
        name = re.sub(r"^the\s+", "", _clean_name(speaker), flags=re.I)
        # "The Islamic Resistance in Iraq, an umbrella group of ..." -> the group's name
        name = name.split(",")[0].strip()
    start = sent.start_char + m.start()
    channel = channel_of(sent_text) or (coref.channels.get(name) if coref is not None else None)
    return [Claim(name, status, None, None, channel, _span(sent, start, sent.start_char + m.end(), article_id))]
