"""Spans that say what happened, and the unsaid rename that takes them."""

from __future__ import annotations

from test_themes_centred import _drafts
from test_themes_unsaid import STUCK, STUCK20

from voc.embed import Embedder
from voc.themes.centred import candidates, spans
from voc.themes.events import event_key, event_spans, reads_as_event
from voc.themes.unsaid import rename_unsaid

#: A plane held at the gate: three say stuck on it, six only that they sat on it, one a
#: delay; eleven say other things.
SAT = [
    "We have been stuck on the plane for three hours now.",
    "Stuck on the plane at the gate with the doors closed.",
    "Two hours stuck on the plane on the tarmac.",
    "I sat on a plane at JFK for three hours.",
    "Still sitting on the plane, the crew says one more hour.",
    "We sat on the plane since noon with our kids.",
    "Sitting on the plane while they look for a pilot.",
    "Three of us sitting on the plane with no update.",
    "We sat on this plane for ninety minutes before takeoff.",
    *STUCK[5:],  # one delay, four other things
    *STUCK20[13:],  # seven more
]


def _span(text: str, phrase: str) -> list[tuple[str, str]]:
    return next(s for s, p in candidates(text) if p == phrase)


def test_an_event_is_a_verb_with_its_object_or_subject() -> None:
    assert reads_as_event(_span("We were sitting on this plane.", "sitting on this plane"))
    assert reads_as_event(_span("The ATM swallowed my card.", "atm swallowed my card"))
    assert reads_as_event(_span("My top-up was reverted.", "top-up was reverted"))
    # a noun phrase and a dangling participle say no event
    assert not reads_as_event(_span("Customer service is a joke.", "customer service"))
    assert not reads_as_event(_span("The plane waiting at the gate.", "plane waiting"))


def test_event_spans_add_events_to_problem_spans_one_key_without_determiners() -> None:
    text = "We sat on a plane for hours and nobody helped."
    assert "sit on plane" in event_spans(text)
    assert set(spans(text)) <= set(event_spans(text))
    assert "sit on plane" not in spans(text)  # no problem word: no problem span
    assert event_key(_span("sitting on this plane", "sitting on this plane")) == "sit on plane"


def test_events_count_for_the_problem_span_they_paraphrase(embedder: Embedder) -> None:
    # three say "stuck on the plane": too few alone; the six who sat on it say it too
    drafts, texts = _drafts(SAT, "plane delays")
    renamed = rename_unsaid(drafts, embedder.encode(texts), texts, embedder.encode)
    assert renamed == [("plane delays", "stuck on the plane", len(SAT))]


def test_an_event_never_names_a_theme_alone(embedder: Embedder) -> None:
    sat = [t.replace("stuck", "sitting").replace("Stuck", "Sitting") for t in SAT]
    drafts, texts = _drafts(sat, "plane delays")
    assert rename_unsaid(drafts, embedder.encode(texts), texts, embedder.encode) == []
