"""voc: voice-of-customer toolkit.

From support inboxes, interview transcripts and survey exports to a ranked,
evidence-backed map of where in the customer journey customers struggle.
"""

__version__ = "0.1.0"

from voc import lazy as _lazy  # noqa: E402  (spaCy without torch; see voc/lazy.py)

_lazy.install()
