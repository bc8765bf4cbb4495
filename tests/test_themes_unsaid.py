"""Names few of their statements say, replaced by a problem span clearly more of them write."""

from __future__ import annotations

from test_themes_centred import _drafts

from voc.embed import Embedder
from voc.themes.unsaid import better_said, name_saying, rename_unsaid

#: A plane held on the tarmac: one statement says a delay, five say they sat stuck.
STUCK = [
    "We have been stuck on the plane for three hours now.",
    "Stuck on the plane at the gate, no air and no water.",
    "Two hours stuck on the plane on the tarmac, nobody tells us anything.",
    "Still stuck on the plane, the crew says a mechanical problem.",
    "Stuck on the plane since noon with crying kids.",
    "Another delay, this is the third time this month.",
    "The seats were dirty and the screen was broken.",
    "The pilot finally spoke to us after an hour.",
    "My connection in Denver is gone now.",
    "The snacks ran out before we even left.",
]
#: Twenty statements: a theme large enough to be renamed (eight stuck, one delay).
STUCK20 = [
    *STUCK,
    "Stuck on the plane again, the toilets are out of order.",
    "Three of us stuck on the plane with no update at all.",
    "Stuck on the plane while they look for a pilot.",
    "The gate agent was friendly at least.",
    "My bag barely fit in the overhead bin.",
    "Wifi on board cost twenty dollars.",
    "We land in Chicago around midnight now.",
    "The app shows a different gate than the screen.",
    "My daughter slept through most of it.",
    "I had booked this trip months ago.",
]
#: The same theme where the delay is said by as many as the span: the name stays.
DELAYED = [
    "Stuck on the plane, another delay again.",
    "Stuck on the plane for a delay of two hours.",
    "The delay kept us stuck on the plane.",
    "Stuck on the plane, what a delay.",
    "Stuck on the plane during the delay.",
    *STUCK20[5:],
]
def test_name_saying_counts_all_its_words_or_a_paraphrase(embedder: Embedder) -> None:
    assert name_saying("plane delays", STUCK, [], embedder.encode) == 0
    assert name_saying("stuck plane", STUCK, [], embedder.encode) == 5
    assert name_saying("delays", STUCK, [], embedder.encode) == 1
    assert name_saying("delay", STUCK, ["another delay"], embedder.encode) == 1
    # a qualifier after a colon only tells two themes apart
    assert name_saying("stuck plane: noon", STUCK, [], embedder.encode) == 5


def test_small_themes_keep_their_name(embedder: Embedder) -> None:
    drafts, texts = _drafts(STUCK, "plane delays")
    assert rename_unsaid(drafts, embedder.encode(texts), texts, embedder.encode) == []


def test_a_name_few_say_takes_the_span_more_write(embedder: Embedder) -> None:
    drafts, texts = _drafts(STUCK20, "plane delays")
    vecs = embedder.encode(texts)
    renamed = rename_unsaid(drafts, vecs, texts, embedder.encode)
    assert drafts[0].name == "stuck on the plane"
    assert renamed == [("plane delays", "stuck on the plane", len(STUCK20))]
    assert drafts[1].name == "card declined"  # a name all its statements say stays


def test_a_name_enough_say_stays(embedder: Embedder) -> None:
    assert len(DELAYED) == 20
    drafts, texts = _drafts(DELAYED, "plane delays")
    vecs = embedder.encode(texts)
    assert rename_unsaid(drafts, vecs, texts, embedder.encode) == []
    assert drafts[0].name == "plane delays"


def test_the_new_span_needs_twice_the_old_names_statements(embedder: Embedder) -> None:
    vecs = embedder.encode(STUCK)
    scores = {"stick on the plane": 1.0}
    name, old, new = better_said("mechanical problem", STUCK, vecs, scores, embedder.encode)
    assert (name, old, new) == ("stuck on the plane", 1, 5)
    # three of ten say the old name's words: five is not twice as many
    said = [s + " A delay again." if i in (4, 6) else s for i, s in enumerate(STUCK)]
    name, old, _ = better_said("another delay", said, embedder.encode(said), scores,
                               embedder.encode)
    assert (name, old) == ("", 3)


def test_user_names_and_taken_names_stay(embedder: Embedder) -> None:
    drafts, texts = _drafts(STUCK20, "plane delays")
    vecs = embedder.encode(texts)
    assert rename_unsaid(drafts, vecs, texts, embedder.encode, pinned={"plane delays"}) == []
    drafts[1].name = "stuck on plane"
    assert rename_unsaid(drafts, vecs, texts, embedder.encode) == []
    assert rename_unsaid(*_drafts(STUCK20, "plane delays")[:1], vecs, texts, embedder.encode,
                         min_share=0) == []
