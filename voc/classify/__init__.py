"""Statement classifiers built from the label taxonomies at run time.

- :class:`StageClassifier`: customer-journey stage (or ``unknown``).
- :class:`SentimentClassifier`: negative / neutral / positive with a score in [-1, 1].
- :class:`EmotionClassifier`: emotion id or ``none``.
- :class:`FrictionDetector`: is the statement a friction point, and how strongly.
"""

from voc.classify.emotion import EmotionClassifier
from voc.classify.friction import FrictionDetector
from voc.classify.sentiment import SentimentClassifier, item_sentiment
from voc.classify.stage import StageClassifier, item_stage

__all__ = [
    "EmotionClassifier",
    "FrictionDetector",
    "SentimentClassifier",
    "StageClassifier",
    "item_sentiment",
    "item_stage",
]
