"""Generate realistic synthetic support inboxes of any size (mbox or CSV), with labels.

Each message is written by a customer of "Ledgerly" (a budgeting app) about one of ten
friction themes, a neutral question or praise (phrasings in :mod:`inbox_templates`).
A friction message states its complaint, often adds details, context, frustration, a
request, now and then an aside of praise or an unrelated question; slots take varied
values (amounts, dates, order and ticket numbers, versions, banks, shops, places,
people's names). Messages come from four channels with their own style: e-mails
(greeting, paragraphs, sign-off and name), chat, survey comments and social posts
(short, lower case, handles and hashtags); typos, missing punctuation and run-on lines
now and then. Mailboxes add signatures, quoted earlier replies and agent replies (which
``voc`` must set aside). The shapes (statements per message, words per statement,
distinct statements, short repeated ones) follow what ``bench/inbox_shapes.py``
measures on real support text. The true topic of every message goes to a side file
``<out>.labels.csv`` (id, label) for NMI in benchmarks. Same ``--seed``, same bytes.

Usage::

    python bench/generate_inbox.py out/inbox.mbox --messages 100000 --seed 1
    python bench/generate_inbox.py out/tweets.csv --messages 100000 --format csv
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inbox_templates import (  # noqa: E402
    ASK,
    CONTEXT,
    CORE,
    DETAIL,
    FRUSTRATION,
    PRAISE,
    QUESTION,
    SHORT,
    SYNONYMS,
    TAILS,
)

THEMES = CORE  # label -> complaint templates (kept under this name for older callers)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
FIRST = ["Anna", "Ben", "Carla", "David", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jon",
         "Kofi", "Lena", "Marco", "Nadia", "Olivia", "Priya", "Quentin", "Rosa", "Sven",
         "Tomasz", "Uma", "Victor", "Wei", "Yusuf", "Zoe", "Aoife", "Bjorn", "Chloe", "Dmitri",
         "Elif", "Fatima", "Gabriel", "Hannah", "Ivan", "Julia", "Kenji", "Laura", "Mateo",
         "Noor", "Oscar", "Paula", "Rahul", "Sofia", "Theo", "Valentina", "Will"]  # fmt: skip
LAST = ["Smith", "Garcia", "Müller", "Okafor", "Nguyen", "Rossi", "Kowalski", "Larsen",
        "Johnson", "Brown", "Dubois", "Silva", "Kim", "Patel", "Novak", "Schmidt", "Jensen",
        "O'Brien", "Moreau", "Tanaka", "Fischer", "Haddad", "Lindqvist", "Costa", "Walsh",
        "Ivanova", "Mensah", "Chen", "Fernández", "Kaur"]  # fmt: skip
CITIES = ["London", "Berlin", "Zürich", "São Paulo", "Kraków", "Toronto", "Austin", "Dublin",
          "Lisbon", "Oslo", "Melbourne", "Chicago", "Lyon", "Seattle", "Manchester", "Madrid",
          "Denver", "Montréal", "Gdańsk", "Auckland", "Cape Town", "Boston", "Rotterdam",
          "Vancouver", "Glasgow", "Bristol", "Porto", "Phoenix", "Helsinki", "Nairobi"]  # fmt: skip
FILL: dict[str, list[str]] = {
    "plan": ["Premium", "Family", "Pro", "Basic", "annual", "monthly", "Plus", "Business"],
    "period": ["month", "week", "quarter", "year"],
    "bank": ["Chase", "Wells Fargo", "Barclays", "ING", "Revolut", "N26", "Monzo", "HSBC",
             "Santander", "Capital One", "Citi", "Lloyds", "NatWest", "BBVA", "Ally",
             "Bank of America", "TD Bank", "Nationwide", "Starling", "Deutsche Bank",
             "American Express", "Discover", "PNC", "US Bank", "Rabobank"],  # fmt: skip
    "ago": ["last Tuesday", "three days ago", "the update", "Monday", "two weeks ago",
            "yesterday", "last week", "the weekend", "the start of the month", "Friday",
            "a few days ago", "early this month", "the last app update"],  # fmt: skip
    "screen": ["budget", "reports", "accounts", "goals", "transactions", "settings", "bills",
               "net worth", "categories", "subscriptions", "calendar", "insights"],  # fmt: skip
    "device": ["iPhone", "Android", "iPad", "Pixel", "Samsung", "Galaxy S21", "iPhone 13",
               "OnePlus", "Mac", "Windows laptop", "Chromebook", "Xiaomi"],  # fmt: skip
    "nth": ["third", "fourth", "fifth", "second", "sixth"],
    "shop": ["Amazon", "Costco", "Uber", "Starbucks", "Target", "Walmart", "Tesco", "Lidl",
             "Aldi", "IKEA", "Netflix", "Spotify", "Shell", "Deliveroo", "Etsy", "eBay",
             "Whole Foods", "Sainsbury's", "Home Depot", "Zara"],  # fmt: skip
    "category": ["Travel", "Groceries", "Entertainment", "Utilities", "Dining", "Shopping",
                 "Transport", "Health", "Gifts", "Income", "Bills", "Other"],  # fmt: skip
    "card": ["Visa", "Mastercard", "Amex", "debit", "credit"],
    "currency": ["US dollars", "euros", "pounds", "Canadian dollars"],
    "format": ["Excel", "Google Sheets", "PDF", "Numbers", "CSV"],
    "month": MONTHS,
    "city": CITIES,
    "place": CITIES,
    "agent": FIRST,
}
OPENERS = ["Hi,", "Hello team,", "Hey there,", "Dear Ledgerly support,", "Good morning,",
           "Hi Ledgerly,", "Hello,", "Dear Sir or Madam,", "Hi support team,", "Hey,",
           "Good afternoon,", ""]  # fmt: skip
SIGNOFFS = ["Thanks,", "Best regards,", "Cheers,", "Regards,", "Thank you,", "Kind regards,",
            "Best,", "Many thanks,", "Thanks in advance,", "Sincerely,"]  # fmt: skip
PREFIXES = ["Also, ", "Again, ", "Honestly, ", "So ", "Just so you know, ", "Basically, ",
            "On top of that, ", "Once again, ", "Today ", "And now ", "Unfortunately, ",
            "As of {ago}, ", "For some reason ", "Since {ago}, "]  # fmt: skip
SUFFIXES = [", which is really annoying.", " and nobody has explained why.", " again.",
            " for the second time.", ", please sort it out.", " and I am not happy.",
            " and I need it fixed.", " every single time.", " and it is driving me mad.",
            ", no idea why.", " as of {date}."]  # fmt: skip
ALSO_ASK = ["Also, ", "One more thing: ", "Unrelated, but ", "While I'm here, ", "Oh and "]
QUESTION_TAILS = [" on my {device}", " on the {plan} plan", " in the web app", " from {city}",
                  " for {year}", " with {bank}", " as a {plan} user", " by the way",
                  " without losing my data", " this {period}"]  # fmt: skip
HASHTAGS = ["#fail", "#help", "#customerservice", "#budgeting", "#annoyed", "#fixit", ""]
CHANNELS = [("email", 0.55), ("chat", 0.15), ("survey", 0.15), ("social", 0.15)]
_SLOT = re.compile(r"\{(\w+)\}")
_PROPER = {w for values in FILL.values() for v in values for w in v.split()[:1]} | {
    "I", "I'm", "I've", "I'd", "Ledgerly", "Face", "Excel", "CSV", "PDF", "QIF", "Google",
    "Ticket", "My",
}  # fmt: skip


def _date(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.randrange(12)
    style = rng.randrange(5)
    if style == 0:
        return f"{MONTHS[month]} {day}"
    if style == 1:
        return f"{day} {MONTHS[month]}"
    if style == 2:
        return f"{month + 1}/{day}"
    if style == 3:
        return f"{day:02d}.{month + 1:02d}.2025"
    return rng.choice(["last Friday", "the 1st", "the 15th", "Monday", "the weekend"])


def _amount(rng: random.Random) -> str:
    cur = rng.choice(["$", "$", "€", "£", "CA$"])
    whole = rng.choice([rng.randint(3, 20), rng.randint(20, 150), rng.randint(100, 400)])
    cents = rng.choice(["99", "49", "00", f"{rng.randint(0, 99):02d}"])
    return f"{cur}{whole}.{cents}"


def _slot(rng: random.Random, key: str) -> str:
    if key in FILL:
        return rng.choice(FILL[key])
    if key == "amount":
        return _amount(rng)
    if key == "date":
        return _date(rng)
    if key == "order":
        return rng.choice(["#", "no. ", "LD-", "", "ticket "]) + str(rng.randint(10000, 9999999))
    if key == "version":
        return f"{rng.randint(4, 7)}.{rng.randint(0, 24)}.{rng.randint(0, 9)}"
    if key == "code":
        return rng.choice(["E", "ERR-", "", "#"]) + str(rng.randint(100, 9999))
    if key in ("days", "count"):
        return str(rng.randint(2, 15))
    if key == "minutes":
        return str(rng.choice([15, 20, 25, 30, 40, 45, 50, 60, 75, 90]))
    if key == "pct":
        return str(rng.choice([10, 15, 20, 25, 30, 40, 50, 60]))
    if key == "years":
        return str(rng.randint(1, 9))
    if key == "year":
        return str(rng.randint(2018, 2025))
    if key == "name":
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    raise KeyError(key)


def fill(rng: random.Random, template: str) -> str:
    """``template`` with each ``{slot}`` replaced by a drawn value."""
    return _SLOT.sub(lambda m: _slot(rng, m.group(1)), template)


_VARIANT = {v: g for g, group in enumerate(SYNONYMS) for v in group}
_VARIANTS = re.compile(
    r"\b("
    + "|".join(re.escape(v) for v in sorted(_VARIANT, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _rephrase(rng: random.Random, text: str, rate: float = 0.6) -> str:
    """Each known phrase swapped for another of its group with probability ``rate``."""

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        group = _VARIANT.get(word) if word in _VARIANT else _VARIANT.get(word.lower())
        if group is None or rng.random() >= rate:
            return word
        new = rng.choice(SYNONYMS[group])
        return new[:1].upper() + new[1:] if word[:1].isupper() else new

    return _VARIANTS.sub(swap, text)


def _decapitalise(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text if first in _PROPER or first.isupper() else text[:1].lower() + text[1:]


def _vary(rng: random.Random, text: str) -> str:
    """One template in the customer's own words: phrases swapped, and at least one of a
    closing clause (when, where, how often), an opening word or a closing remark, as
    real statements are nearly all different from each other."""
    text = _rephrase(rng, text)
    end = text[-1:] if text[-1:] in ".?!" else ""
    changed = False
    if rng.random() < 0.8:
        tails = QUESTION_TAILS if end == "?" else TAILS
        body = text[:-1] if end else text
        text, changed = body + fill(rng, rng.choice(tails)) + end, True
    if text[:1].isupper() and rng.random() < 0.25:
        text, changed = fill(rng, rng.choice(PREFIXES)) + _decapitalise(text), True
    if text.endswith(".") and rng.random() < (0.3 if changed else 0.7):
        text = text[:-1] + fill(rng, rng.choice(SUFFIXES))
    return text


def _typo(rng: random.Random, text: str, rate: float = 0.12) -> str:
    """Now and then a slip: swapped, dropped or doubled letter, no final stop, lower case."""
    if rng.random() > rate or len(text) < 20:
        return text
    kind = rng.randrange(5)
    i = rng.randrange(5, len(text) - 5)
    if kind == 0:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    if kind == 2:
        return text[:i] + text[i] + text[i:]
    if kind == 3:
        return text.rstrip(".!")
    return text.lower()


def statements(rng: random.Random) -> tuple[str, list[str]]:
    """(label, statements) of one message, before the channel's style is applied."""
    r = rng.random()
    if r < 0.75:
        label = rng.choice(sorted(CORE))
        sents = [_vary(rng, fill(rng, rng.choice(CORE[label])))]
        n_more = rng.choice([0, 0, 0, 1, 1, 1, 2, 2, 3])
        pool = CORE[label] + DETAIL[label] * 2
        sents += [_vary(rng, fill(rng, rng.choice(pool))) for _ in range(n_more)]
        for pool, p in ((FRUSTRATION, 0.15), (ASK, 0.2), (SHORT, 0.25)):
            if rng.random() < p:  # short and often word for word the same, as in real mail
                sent = fill(rng, rng.choice(pool))
                sents.append(sent if pool is SHORT or rng.random() < 0.2 else _vary(rng, sent))
        if rng.random() < 0.06:
            sents.insert(rng.randrange(len(sents) + 1), fill(rng, rng.choice(PRAISE)))
        if rng.random() < 0.06:
            q = _rephrase(rng, fill(rng, rng.choice(QUESTION)))
            sents.append(rng.choice(ALSO_ASK) + _decapitalise(q))
    elif r < 0.87:
        label = "question"
        sents = [_vary(rng, fill(rng, q)) for q in rng.sample(QUESTION, rng.choice([1, 1, 1, 2]))]
        if rng.random() < 0.3:
            sents.append(rng.choice(["Thanks.", "Thank you!", "Thanks in advance."]))
    else:
        label = "praise"
        sents = [_vary(rng, fill(rng, p)) for p in rng.sample(PRAISE, rng.choice([1, 1, 2]))]
    if label in ("question", "praise") and rng.random() < 0.25:
        sents.append(fill(rng, rng.choice(SHORT[:19])))
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        sents.insert(rng.randrange(len(sents) + 1), _vary(rng, fill(rng, rng.choice(CONTEXT))))
    return label, [_typo(rng, s) for s in sents]


def _channel(rng: random.Random) -> str:
    r, acc = rng.random(), 0.0
    for name, p in CHANNELS:
        acc += p
        if r < acc:
            return name
    return CHANNELS[-1][0]


def _paragraphs(rng: random.Random, sents: list[str]) -> str:
    """Sentences in one to three paragraphs (an e-mail body)."""
    if len(sents) < 3 or rng.random() < 0.5:
        return " ".join(sents)
    cut = sorted(rng.sample(range(1, len(sents)), min(2, len(sents) - 1)))[: rng.choice([1, 2])]
    parts, start = [], 0
    for c in [*cut, len(sents)]:
        parts.append(" ".join(sents[start:c]))
        start = c
    return "\n\n".join(parts)


def styled(rng: random.Random, channel: str, sents: list[str], first: str) -> str:
    """The message text as written on ``channel``."""
    if channel == "social":
        sents = sents[: rng.choice([1, 2, 2, 3])]
        text = " ".join(s.lower() if rng.random() < 0.4 else s for s in sents)
        text = rng.choice(["@Ledgerly ", "@LedgerlyHelp ", ""]) + text
        return (text + " " + rng.choice(HASHTAGS)).strip()
    if channel == "chat":
        return " ".join(sents[: rng.choice([1, 2, 3, 4])])
    if channel == "survey":
        return " ".join(sents)
    opener = rng.choice(OPENERS)
    body = (opener + "\n\n" if opener else "") + _paragraphs(rng, sents)
    return body + "\n\n" + rng.choice(SIGNOFFS) + "\n" + first


def message(rng: random.Random) -> tuple[str, str]:
    """(label, customer text) of one synthetic message (an e-mail's body)."""
    label, sents = statements(rng)
    return label, styled(rng, "email", sents, rng.choice(FIRST))


def _email(rng: random.Random, i: int, when: datetime, body_text: str, first: str) -> str:
    last = rng.choice(LAST)
    addr = f"{first.lower()}.{last.lower().replace(chr(39), '')}{i % 97}@example.com"
    body = body_text + "\n"
    if rng.random() < 0.3:
        body += f"--\n{first} {last}\n"
        body += rng.choice(["", f"{rng.choice(CITIES)}\n"])
        body += f"Phone: +1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}\n"
    if rng.random() < 0.1:
        body += "\nSent from my " + rng.choice(["iPhone", "Samsung Galaxy", "iPad"]) + "\n"
    if rng.random() < 0.3:
        body += (
            f"\nOn {format_datetime(when - timedelta(days=2))}, Ledgerly Support "
            "<help@ledgerly.com> wrote:\n> Thanks for reaching out, we are looking into it.\n"
            "> Could you tell us which device you use?\n"
        )
    subject = body_text.split("\n\n")[1 if "\n\n" in body_text else 0][:40].replace("\n", " ")
    return (
        f"From {addr} {when:%a %b %d %H:%M:%S %Y}\n"
        f"From: {first} {last} <{addr}>\nTo: help@ledgerly.com\n"
        f"Subject: {subject}\nDate: {format_datetime(when)}\n"
        f"Message-ID: <gen-{i}@example.com>\nContent-Type: text/plain; charset=utf-8\n\n"
        + body.replace("\nFrom ", "\n>From ")
        + "\n"
    )


def _agent(i: int, when: datetime) -> str:
    return (
        f"From help@ledgerly.com {when:%a %b %d %H:%M:%S %Y}\n"
        "From: Ledgerly Support <help@ledgerly.com>\nTo: customer@example.com\n"
        f"Subject: Re: your request\nDate: {format_datetime(when)}\n"
        f"Message-ID: <agent-{i}@ledgerly.com>\n\n"
        "Thanks for contacting us, we have forwarded your request to our team.\n\n"
    )


def generate(out: Path, messages: int, fmt: str, seed: int) -> Path:
    """Write ``messages`` customer messages to ``out``; returns the labels file.

    CSV columns: ``response_id, submitted_at, nps, comment, channel``."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 9, 0)
    out.parent.mkdir(parents=True, exist_ok=True)
    labels_path = out.with_suffix(out.suffix + ".labels.csv")
    with (
        out.open("w", encoding="utf-8", newline="") as fh,
        labels_path.open("w", encoding="utf-8", newline="") as lf,
    ):
        lw = csv.writer(lf)
        lw.writerow(["id", "label"])
        writer = None
        if fmt == "csv":
            writer = csv.writer(fh)
            writer.writerow(["response_id", "submitted_at", "nps", "comment", "channel"])
        for i in range(messages):
            when = start + timedelta(minutes=i * 7 + rng.randint(0, 6))
            label, sents = statements(rng)
            first = rng.choice(FIRST)
            if writer is not None:
                channel = _channel(rng)
                text = styled(rng, channel, sents, first)
                nps = (
                    rng.randint(0, 6) if label not in ("praise", "question") else rng.randint(7, 10)
                )
                writer.writerow([f"r{i}", when.isoformat(sep=" "), nps, text, channel])
                lw.writerow([f"r{i}", label])
            else:
                fh.write(_email(rng, i, when, styled(rng, "email", sents, first), first))
                lw.writerow([f"<gen-{i}@example.com>", label])
                if rng.random() < 0.05:
                    fh.write(_agent(i, when + timedelta(hours=3)))
    return labels_path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="output file (.mbox or .csv)")
    ap.add_argument("--messages", type=int, default=10000)
    ap.add_argument("--format", choices=["mbox", "csv"], default=None)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    fmt = args.format or ("csv" if args.out.suffix.lower() == ".csv" else "mbox")
    labels = generate(args.out, args.messages, fmt, args.seed)
    print(f"wrote {args.out} ({args.messages} messages) and {labels}")


if __name__ == "__main__":
    main()
