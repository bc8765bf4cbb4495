"""Stage ``unknown``: stage-less text stays unknown, plain service problems get a stage.

The probes below are written for this test (none of them is a training example of the
taxonomy or of the stage-less set in ``journey_stages_unknown.yaml``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voc.classify import StageClassifier
from voc.classify._match import for_embedding
from voc.classify.stage import content_words, load_stageless
from voc.embed import Embedder
from voc.errors import ConfigError
from voc.labels import UNKNOWN, load_stages

#: 40 stage-less statements: greetings, thanks, weather, small talk, fragments, emoji.
STAGELESS = [
    "Good morning everyone!",
    "Hey there.",
    "Hello, hope you are well.",
    "Thanks a lot!",
    "Thank you so much, you're the best.",
    "Cheers mate.",
    "Have a nice weekend.",
    "It is raining again in Manchester.",
    "The weather in Lisbon is lovely in spring.",
    "Such a hot summer this year.",
    "Snow is forecast for tomorrow morning.",
    "My dog chewed my favourite slippers.",
    "My cat likes to sleep on the keyboard.",
    "We watched a great movie last night.",
    "The football match went to extra time.",
    "I love pizza with extra cheese.",
    "My grandmother turns ninety next week.",
    "The sunset over the lake was beautiful.",
    "I'm reading a novel about pirates.",
    "Tomorrow is my birthday!",
    "Happy new year to all of you.",
    "Merry Christmas!",
    "lol",
    "ok",
    "Yes.",
    "No way.",
    "Hmm.",
    "See above.",
    "Please help.",
    "Any update?",
    "😂😂😂",
    "🙏",
    "!!!",
    "asdkj qwpoe zmxn",
    "Hi,",
    "Regards, Tom",
    "Sent from my iPhone",
    "Best wishes.",
    "The kids are playing in the garden.",
    "I went for a run along the river.",
]

#: Plain service-delivery problems from several industries, with the stage a journey
#: researcher would give them (written for this test).
SERVICE = [
    ("My flight was delayed 5 hours and nobody told us why.", "usage"),
    ("The airline lost my bag on the way back from Denver.", "usage"),
    ("I have been on hold for 2 hours with your support line.", "usage"),
    ("My card was charged twice for the same purchase.", "usage"),
    ("The internet at home has dropped out every evening this week.", "usage"),
    ("My parcel says delivered but it never arrived.", "usage"),
    ("The app logs me out every time I open it.", "usage"),
    ("Your agent hung up on me in the middle of the call.", "usage"),
    ("Stuck on the tarmac for an hour with no air conditioning.", "usage"),
    ("Our connecting flight got cancelled and we were rebooked for tomorrow.", "usage"),
    ("I want to cancel my contract, the service is terrible.", "retention"),
    ("Couldn't book the flight on your website, it kept timing out at payment.", "purchase"),
]


@pytest.fixture(scope="module")
def clf(embedder: Embedder) -> StageClassifier:
    return StageClassifier(load_stages()).fit(embedder.encode)


def _predict(clf: StageClassifier, embedder: Embedder, texts: list[str]):
    vectors = embedder.encode([for_embedding(t) for t in texts])
    return clf.predict(vectors, texts, adapt=False)


def test_forty_stageless_probes_stay_unknown(clf: StageClassifier, embedder: Embedder) -> None:
    assert len(STAGELESS) == 40 and len(set(STAGELESS)) == 40
    labels, conf = _predict(clf, embedder, STAGELESS)
    staged = [(t, s, round(float(c), 2)) for t, s, c in zip(STAGELESS, labels, conf, strict=True)]
    assert [x for x in staged if x[1] != UNKNOWN] == []


def test_stageless_probes_stay_unknown_in_a_batch_of_service_text(
    clf: StageClassifier, embedder: Embedder
) -> None:
    """Batch adaptation must not pull stage-less statements into a stage."""
    texts = STAGELESS + [t for t, _ in SERVICE] * 3
    vectors = embedder.encode([for_embedding(t) for t in texts])
    labels, _ = clf.predict(vectors, texts)
    assert [t for t, s in zip(texts, labels, strict=True) if s != UNKNOWN and t in STAGELESS] == []


def test_plain_service_problems_get_their_stage(clf: StageClassifier, embedder: Embedder) -> None:
    labels, conf = _predict(clf, embedder, [t for t, _ in SERVICE])
    got = [
        (t, g, p, round(float(c), 2))
        for (t, g), p, c in zip(SERVICE, labels, conf, strict=True)
    ]
    assert [x for x in got if x[1] != x[2]] == []
    assert np.all(conf >= clf.threshold)


def test_content_words() -> None:
    assert content_words("@united http://t.co/x #dca XXXX ok") == 1
    assert content_words("XXXX XXXX : 13 XX/XX/XXXX") == 0
    assert content_words("Rude employees.") == 2
    assert content_words("😂😂😂") == 0


def test_links_hashtags_and_masks_stay_unknown_whatever_their_vector(
    clf: StageClassifier, embedder: Embedder
) -> None:
    """The vector of a clear usage statement, the text of a link: no stage."""
    v = embedder.encode(["I was charged twice this month."] * 3)
    texts = ["http://t.co/UxY12", "#delayed #fail", "XXXX XXXX XXXX"]
    labels, conf = clf.predict(v, texts, adapt=False)
    assert labels == [UNKNOWN] * 3 and np.all(conf == 0)
    assert clf.predict(v[:1], ["I was charged twice this month."], adapt=False)[0] == ["usage"]


def test_stageless_examples_veto_their_neighbours(embedder: Embedder) -> None:
    """A statement written as stage-less is not given a stage, even one the stages claim."""
    text = "I was charged twice this month."
    mine = StageClassifier(load_stages(), stageless=[*load_stageless(), text])
    mine.fit(embedder.encode)
    assert mine.predict(embedder.encode([text]), [text], adapt=False)[0] == [UNKNOWN]


def test_stageless_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "stageless.yaml"
    bad.write_text("version: 1\nexamples: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="stageless.yaml"):
        load_stageless(bad)
    assert len(load_stageless()) >= 100
