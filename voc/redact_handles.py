"""Which @handles a run keeps, decided over the whole run rather than chunk by chunk.

A handle opening at least :data:`~voc.redact_freeform.MIN_ADDRESSED` texts is a brand's
(``@united``) and stays; fewer, it is a person's and becomes ``[HANDLE]``. Counted chunk by
chunk, a brand addressed 3 times in one chunk and 3 in the next would be redacted, and the
result would depend on the chunk size. :class:`RunHandles` counts over every item a run
reads, as the items stream past the client:

* an item whose handles are all decided already (digits, times, organisations' handles, or
  a handle already seen opening enough texts: counts only grow) goes to its chunk at once;
* an item with a handle still undecided is held back and mapped after the last item is read,
  when every count is final.

So each item is redacted with the counts of the whole run, whatever the chunk size or the
number of workers. At most :data:`MAX_HELD` items are held (memory stays bounded): past that,
the held items go with the counts of the items read so far, which depend on the order of the
sources, never on chunking. The keep set travels to the ``redact`` step in the chunk's names
under :data:`KEEP_HANDLES_KEY` (item ids are hex, so the key cannot be an item's).
"""

from __future__ import annotations

from voc.redact_freeform import _HANDLE_RE, MIN_ADDRESSED, _stays, leading_handles

KEEP_HANDLES_KEY = "@keep_handles"
MAX_HELD = 20_000


class RunHandles:
    """Counts of the handles that open the texts of a run (see the module docstring)."""

    def __init__(self, min_texts: int = MIN_ADDRESSED, max_held: int = MAX_HELD) -> None:
        self.min_texts = min_texts
        self.max_held = max_held
        self.counts: dict[str, int] = {}

    def add(self, text: str) -> None:
        """Count the handles ``text`` opens with (as :func:`addressed_handles` counts them)."""
        if "@" not in text:
            return
        for h in set(leading_handles(text.lstrip())):
            if not h.isdigit():
                self.counts[h] = self.counts.get(h, 0) + 1

    def settled(self, *texts: str) -> bool:
        """True when no handle in ``texts`` can change from kept to redacted or back as more
        texts are counted."""
        for text in texts:
            if "@" not in text:
                continue
            for m in _HANDLE_RE.finditer(text):
                h = m.group("h")
                if _stays(h) or h.isdigit():
                    continue
                if self.counts.get(h.lower(), 0) < self.min_texts:
                    return False
        return True

    def kept(self) -> list[str]:
        """The handles kept so far (final once every text is counted), sorted."""
        return sorted(h for h, n in self.counts.items() if n >= self.min_texts)
