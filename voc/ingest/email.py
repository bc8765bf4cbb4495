"""E-mail reader: ``.eml`` and ``.mbox`` files to items and rejects.

Customer messages become items with cleaned bodies (quoted replies and signatures removed);
agent replies, auto-replies, duplicates and messages empty after cleaning become rejects.
"""

from __future__ import annotations

import email
import hashlib
import logging
import mailbox
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path

from voc.clean import clean_email_body
from voc.errors import DataError
from voc.ingest._mime import body_text, header, person_names
from voc.ingest.options import SourceOptions
from voc.records import IngestResult, Item, Reject

logger = logging.getLogger(__name__)

KIND = "email"
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:out of (?:the )?office|automatic reply|auto(?:matic)?[- ]?(?:reply|response)|auto:)",
    re.IGNORECASE,
)
_MSGID = re.compile(r"<([^<>\s]+)>")


def _strip_id(value: str | None) -> str:
    return (value or "").strip().strip("<>").strip()


def _msg_ids(value: str | None) -> list[str]:
    """Message-IDs in a References / In-Reply-To header, in order."""
    if not value:
        return []
    found = _MSGID.findall(str(value))
    return found or [v for v in str(value).split() if v]


def is_auto_reply(msg: Message) -> bool:
    """True for out-of-office and other machine-generated replies."""
    auto = header(msg, "Auto-Submitted").strip().lower()
    if auto and auto != "no":
        return True
    if msg.get("X-Autoreply") is not None or msg.get("X-Autorespond") is not None:
        return True
    if header(msg, "Precedence").strip().lower() == "auto_reply":
        return True
    return bool(_AUTO_SUBJECT.match(header(msg, "Subject")))


def sender_domain(msg: Message) -> str:
    """Lower-case domain of the From address ('' if none)."""
    _, addr = parseaddr(header(msg, "From"))
    return addr.rpartition("@")[2].lower().strip(">") if "@" in addr else ""


def _is_agent(domain: str, agent_domains: list[str]) -> bool:
    for d in agent_domains:
        d = d.strip().lstrip("@").lower()
        if d and (domain == d or domain.endswith("." + d)):
            return True
    return False


def _created_at(msg: Message) -> datetime | None:
    raw = header(msg, "Date")
    if not raw:
        return None
    try:
        dt = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def _iter_messages(path: Path) -> Iterator[Message]:
    """Messages of an ``.eml`` (one) or ``.mbox`` (many) file.

    Parsed with the ``compat32`` policy: headers stay plain strings (decoded on use by
    :func:`header`), about five times faster than the default policy's header objects.
    """
    if path.suffix.lower() == ".eml" or not _looks_like_mbox(path):
        data = path.read_bytes()
        if not data.strip():
            raise DataError(f"{path}: empty file")
        msg = email.message_from_bytes(data, policy=policy.compat32)
        if not msg.keys():
            raise DataError(f"{path}: no e-mail headers found (not an RFC 822 message)")
        yield msg
        return
    box = mailbox.mbox(str(path), create=False)
    try:
        for key in box.iterkeys():
            yield email.message_from_bytes(box.get_bytes(key), policy=policy.compat32)
    finally:
        box.close()


def _looks_like_mbox(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(5) == b"From "


def _content_key(msg: Message) -> str:
    parts = [header(msg, h) for h in ("From", "Date", "Subject")]
    parts.append(str(msg.get_payload())[:200_000])
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()


def _read_message(
    msg: Message,
    msg_id: str,
    ref: str,
    src: str,
    options: SourceOptions,
    seen: set[str],
    thread_names: dict[str, list[str]],
) -> tuple[Item | Reject, int]:
    """One message to an item or a reject, and its number of attachments."""
    refs = _msg_ids(header(msg, "References")) or _msg_ids(header(msg, "In-Reply-To"))
    thread = _strip_id(refs[0]) if refs else ref
    # Names met anywhere in a thread (agents' too) are redacted in all its messages;
    # the list is shared, so names from later messages reach earlier items.
    names = thread_names.setdefault(thread, [])
    names += [x for x in person_names(msg) if x not in names]

    def reject(reason: str, category: str = "skipped") -> tuple[Reject, int]:
        return Reject(KIND, src, ref, reason, category), 0

    if msg.defects and not msg.keys():
        return reject(f"unparseable message: {msg.defects[0].__class__.__name__}", "invalid")
    if msg_id and msg_id in seen:
        return reject("duplicate message")
    if msg_id:
        seen.add(msg_id)
    else:  # no Message-ID: an exact copy has the same sender, date, subject and body
        key = "sha1:" + _content_key(msg)
        if key in seen:
            return reject("duplicate message (same sender, date, subject and body)")
        seen.add(key)
    if _is_agent(sender_domain(msg), options.agent_domains):
        return reject("agent reply (context only)")
    if is_auto_reply(msg):
        return reject("auto-reply")
    raw_body, attachments = body_text(msg)
    _, author = parseaddr(header(msg, "From"))
    # the team's domains only matter for a forward, which has a "From:" line in the body
    teams = _team_domains(msg, options) if _FROM_LINE.search(raw_body) else ()
    cleaned = clean_email_body(raw_body, author, teams)
    if not cleaned.text:
        return Reject(KIND, src, ref, "empty after cleaning", "skipped"), attachments
    names += [x for x in cleaned.names if x not in names]
    item = Item(
        source_kind=KIND,
        source_path=src,
        source_ref=ref,
        text=cleaned.text,
        channel="email",
        created_at=_created_at(msg),
        author=author.lower(),
        names=names,
        thread_id=thread,
    )
    return item, attachments


_FROM_LINE = re.compile(r"^\s*\*?(?:From|De|Von|Da|Van)\s*:", re.MULTILINE | re.IGNORECASE)


def _team_domains(msg: Message, options: SourceOptions) -> tuple[str, ...]:
    """The support team's domains for this message: the configured agent domains and the
    domains it was sent to (a forward of their own mail is not the customer's words)."""
    to = getaddresses([str(header(msg, "To") or ""), str(header(msg, "Cc") or "")])
    sent_to = [a.rpartition("@")[2].lower().strip(">") for _, a in to if "@" in a]
    return tuple(dict.fromkeys([*(d.lower() for d in options.agent_domains), *sent_to]))


class DomainTally:
    """Sender domains of the messages analysed as customers' and recipient domains of all
    messages, over the files of a run: a domain that most messages were sent to and that
    also sends messages is the support team's own, unless ``agent_domains`` says so."""

    def __init__(self) -> None:
        self.senders: Counter[str] = Counter()
        self.recipients: Counter[str] = Counter()
        self.messages = 0

    def add(self, msg: Message, analysed: bool) -> None:
        self.messages += 1
        to = getaddresses([str(header(msg, "To") or ""), str(header(msg, "Cc") or "")])
        for d in {a.rpartition("@")[2].lower().strip(">") for _, a in to if "@" in a}:
            self.recipients[d] += 1
        if analysed:
            self.senders[sender_domain(msg)] += 1

    def agent_note(self, options: SourceOptions) -> str | None:
        """A hint to pass ``--agent-domain`` when the team's replies look analysed."""
        if options.agent_domains or self.messages < 5:
            return None
        for domain, received in self.recipients.most_common(3):
            sent = self.senders.get(domain, 0)
            if domain and sent and received >= 0.5 * self.messages:
                return (
                    f"{sent} message{'s' if sent != 1 else ''} from @{domain}, the domain "
                    f"{received} of {self.messages} messages were sent to, were analysed as "
                    f"customer messages; if they are your team's replies, pass "
                    f"--agent-domain {domain} (pipeline: options.agent_domains)"
                )
        return None


def read_email_file(
    path: Path,
    options: SourceOptions | None = None,
    seen_ids: set[str] | None = None,
    domains: DomainTally | None = None,
) -> IngestResult:
    """Read one ``.eml`` or ``.mbox`` file.

    ``seen_ids`` is shared across the files of a run so that the same Message-ID met twice
    is read once; ``domains`` (shared too) tallies who wrote to whom. Raises
    :class:`DataError` when the file is not mail at all.
    """
    options = options or SourceOptions()
    seen = seen_ids if seen_ids is not None else set()
    result = IngestResult()
    src = str(path)
    if path.suffix.lower() == ".mbox" and path.stat().st_size and not _looks_like_mbox(path):
        raise DataError(f"{path}: not an mbox file (does not start with a 'From ' line)")
    n_attachments = 0
    n = 0
    thread_names: dict[str, list[str]] = {}
    for n, msg in enumerate(_iter_messages(path), start=1):
        try:
            msg_id = _strip_id(header(msg, "Message-ID"))
        except Exception:  # a header so broken it cannot be read
            msg_id = ""
        ref = msg_id or f"message {n}"
        try:
            record, attachments = _read_message(msg, msg_id, ref, src, options, seen, thread_names)
        except Exception as exc:  # one broken message must not stop the others
            logger.debug("%s %s: cannot parse", src, ref, exc_info=True)
            reason = f"cannot parse message: {type(exc).__name__}: {exc}".splitlines()[0]
            record, attachments = Reject(KIND, src, ref, reason, "invalid"), 0
        n_attachments += attachments
        if domains is not None:
            domains.add(msg, isinstance(record, Item))
        result.add(record)
    for item in result.items:
        item.names = list(item.names)  # unshare the thread lists
    if n == 0:
        raise DataError(f"{path}: no messages found")
    note = f"{src}: {n} message{'s' if n != 1 else ''}"
    if n_attachments:
        note += f", {n_attachments} attachment{'s' if n_attachments != 1 else ''} ignored"
    result.notes.append(note)
    logger.debug(note)
    return result
