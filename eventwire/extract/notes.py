"""Neutral, ACLED-style event notes written by eventwire (never the source's vocabulary)."""

from __future__ import annotations

from eventwire.models import Count, Event

__all__ = ["write_notes"]

_VERBS = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained control of territory from {a2}",
    "Non-state actor overtakes territory": "{a1} took control of territory from {a2}",
    "Chemical weapon": "{a1} used a chemical weapon against {a2}",
    "Air/drone strike": "{a1} carried out an air or drone strike on {a2}",
    "Suicide bomb": "{a1} carried out a suicide bombing targeting {a2}",
    "Shelling/artillery/missile attack": "{a1} carried out a shelling, artillery or missile attack on {a2}",
    "Remote explosive/landmine/IED": "an explosive device attributed to {a1} detonated, targeting {a2}",
    "Grenade": "{a1} threw a grenade at {a2}",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
    "Peaceful protest": "{a1} held a protest",
    "Protest with intervention": "{a1} held a protest and {a2} intervened",
    "Excessive force against protesters": "{a2} used force against {a1}",
    "Violent demonstration": "{a1} held a violent demonstration",
    "Mob violence": "{a1} engaged in mob violence against {a2}",
    "Agreement": "{a1} and {a2} reached an agreement",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its activity",
    "Disrupted weapons use": "{a1} disrupted a weapons use by {a2}",
    "Headquarters or base established": "{a1} established a base",
    "Looting/property destruction": "{a1} looted or destroyed property",
    "Non-violent transfer of territory": "{a1} took over territory without fighting",
    "Other": "{a1} was involved in an event",
}


def _count_phrase(count: Count | None, noun: str) -> str | None:
    if count is None or count.best is None:
        return None
    qual = f"{count.qualifier} " if count.qualifier else ""
    return f"{qual}{count.best} {noun}"


def write_notes(event: Event) -> str:
    a1 = event.actor1.name if event.actor1 else "an unidentified actor"
    a2 = event.actor2.name if event.actor2 else "an unidentified target"
    template = _VERBS.get(event.sub_event_type, "{a1} was involved in an event involving {a2}")
    clause = template.format(a1=a1, a2=a2)
    when = f"On {event.date.date.day} {event.date.date:%B %Y}, " if event.date else ""
    where = ""
    if event.place is not None:
        near = "near " if (event.place.geo_precision or 1) == 2 else "in "
        bits = [b for b in (event.place.name, event.place.admin1, event.place.country) if b]
        where = f" {near}{', '.join(dict.fromkeys(bits))}"
    text = f"{when}{clause}{where}."
    text = text[0].upper() + text[1:]
    tolls = [p for p in (_count_phrase(event.fatalities, "killed"), _count_phrase(event.injuries, "injured")) if p]
    if tolls:
        text += " Reported casualties: " + ", ".join(tolls) + "."
    sources = [c.speaker for c in (*event.claims, *event.responsibility) if c.speaker]
    if event.responsibility:
        text += " Responsibility claimed by " + ", ".join(dict.fromkeys(
            c.speaker for c in event.responsibility if c.speaker)) + "."
    if sources:
        text += " According to " + ", ".join(dict.fromkeys(sources)) + "."
    return text
