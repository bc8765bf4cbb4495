"""Generate realistic synthetic support inboxes of any size (mbox or CSV), with labels.

Each message is written by a customer of "Ledgerly" (a budgeting app) about one
of a dozen friction themes, a neutral question or praise, in varied phrasings:
openers, one to three theme sentences with slot fillers, context sentences,
typos now and then, sign-offs, signatures, quoted earlier replies and agent
replies (which ``voc`` must set aside). The true topic of every message goes to
a side file ``<out>.labels.csv`` (id, label) for NMI in benchmarks.

Usage::

    python bench/generate_inbox.py out/inbox.mbox --messages 100000 --seed 1
    python bench/generate_inbox.py out/tweets.csv --messages 100000 --format csv
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

THEMES: dict[str, list[str]] = {
    "double_charge": [
        "I was charged twice for my {plan} subscription this {period}.",
        "There are two identical charges of {amount} on my card from you.",
        "You billed me {amount} two times, please refund one of them.",
        "My bank statement shows a duplicate payment for {plan}.",
    ],
    "bank_sync": [
        "My {bank} account stopped syncing {ago}.",
        "Transactions from {bank} have not imported since {ago}.",
        "The connection to {bank} keeps failing with an error.",
        "Bank sync with {bank} is broken again and I have to re-link it every day.",
    ],
    "app_crash": [
        "The app crashes every time I open the {screen} screen.",
        "Since the last update the {device} app closes as soon as I tap {screen}.",
        "It froze and crashed twice while I was editing {screen}.",
        "The app keeps crashing on my {device}, I can't use it at all.",
    ],
    "cancel_hard": [
        "Cancelling my subscription is impossible, there is no button anywhere.",
        "I tried to cancel {plan} three times and I am still being charged.",
        "Why do I have to call someone just to cancel my plan?",
        "I want to close my account but the cancel link just loops back to settings.",
    ],
    "support_slow": [
        "I have been waiting {days} days for an answer from support.",
        "Nobody replied to my ticket about {screen} for over a week.",
        "Your support team never answers, this is my {nth} e-mail.",
        "The chat says an agent will reply soon but nothing happens for hours.",
    ],
    "export_broken": [
        "The CSV export is missing half of my transactions.",
        "Exporting to Excel gives me a file with broken characters.",
        "The PDF report export fails with an error for {period}.",
        "When I export my data the categories column is empty.",
    ],
    "price_increase": [
        "The price of {plan} went up by {pct} percent without any warning.",
        "Why did my renewal cost {amount} when it was much less last year?",
        "{plan} has become too expensive for what it offers.",
        "You raised the price again and I did not get an e-mail about it.",
    ],
    "login_2fa": [
        "I can't log in because the two-factor code never arrives.",
        "The verification SMS does not reach my phone, I'm locked out.",
        "Login fails with 'invalid code' even though I typed it right.",
        "After resetting my password I still cannot sign in.",
    ],
    "categories_wrong": [
        "Automatic categorisation puts my {shop} purchases under {category}.",
        "Every {shop} transaction is labelled as {category}, which is wrong.",
        "The rules I set for categories are ignored after each sync.",
        "I keep fixing the same miscategorised transactions every week.",
    ],
    "onboarding_confusing": [
        "The setup wizard was confusing and I gave up halfway.",
        "I didn't understand how to create my first budget during onboarding.",
        "The tutorial skips the part about linking accounts, I got lost.",
        "Getting started took me an hour because the steps are unclear.",
    ],
}
NEUTRAL = [
    "Where can I change the currency of my account?",
    "Is there a way to share a budget with my partner?",
    "Do you have a student discount for {plan}?",
    "Can I import data from another budgeting app?",
]
PRAISE = [
    "Thanks, the new {screen} view is really helpful.",
    "I love how easy it is to track my spending now.",
    "Great update, the {device} app feels much faster.",
    "Your support agent solved my issue in minutes, thank you!",
]
FILL = {
    "plan": ["Premium", "Family", "Pro", "Basic", "annual", "monthly"],
    "period": ["month", "week", "quarter", "year"],
    "amount": ["$9.99", "$59.99", "€7.49", "£4.99", "$119.00"],
    "bank": ["Chase", "Wells Fargo", "Barclays", "ING", "Revolut", "N26", "Monzo"],
    "ago": ["last Tuesday", "three days ago", "the update", "Monday", "two weeks ago"],
    "screen": ["budget", "reports", "accounts", "goals", "transactions", "settings"],
    "device": ["iPhone", "Android", "iPad", "Pixel", "Samsung"],
    "days": ["3", "5", "7", "10", "12"],
    "nth": ["third", "fourth", "fifth"],
    "pct": ["20", "30", "40", "50"],
    "shop": ["Amazon", "Costco", "Uber", "Starbucks", "Target"],
    "category": ["Travel", "Groceries", "Entertainment", "Utilities"],
}
OPENERS = ["Hi,", "Hello team,", "Hey there,", "Dear Ledgerly support,", "Good morning,", ""]
CONTEXT = [
    "I have been a customer for {years} years.",
    "This is really frustrating.",
    "I use the app every day to manage our family budget.",
    "Please look into this as soon as possible.",
    "I already reinstalled the app.",
    "It worked fine until recently.",
]
SIGNOFFS = ["Thanks,", "Best regards,", "Cheers,", "Regards,", "Thank you,"]
FIRST = ["Anna", "Ben", "Carla", "David", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jon"]
LAST = ["Smith", "Garcia", "Müller", "Okafor", "Nguyen", "Rossi", "Kowalski", "Larsen"]


def _fill(rng: random.Random, template: str) -> str:
    out = template
    for key, values in FILL.items():
        while "{" + key + "}" in out:
            out = out.replace("{" + key + "}", rng.choice(values), 1)
    return out.replace("{years}", str(rng.randint(1, 8)))


def _typo(rng: random.Random, text: str) -> str:
    if rng.random() > 0.15 or len(text) < 20:
        return text
    i = rng.randrange(5, len(text) - 5)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def message(rng: random.Random) -> tuple[str, str]:
    """(label, customer text) of one synthetic message."""
    r = rng.random()
    if r < 0.75:
        label = rng.choice(sorted(THEMES))
        pool = THEMES[label]
        n = rng.choice([1, 1, 2, 2, 3])
        sents = [_typo(rng, _fill(rng, t)) for t in rng.sample(pool, min(n, len(pool)))]
    elif r < 0.87:
        label, sents = "question", [_fill(rng, rng.choice(NEUTRAL))]
    else:
        label, sents = "praise", [_fill(rng, rng.choice(PRAISE))]
    if rng.random() < 0.5:
        sents.insert(rng.randrange(len(sents) + 1), _fill(rng, rng.choice(CONTEXT)))
    return label, " ".join(sents)


def _email(rng: random.Random, i: int, when: datetime, body_text: str) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    addr = f"{first.lower()}.{last.lower()}{i % 97}@example.com"
    opener = rng.choice(OPENERS)
    body = (opener + "\n\n" if opener else "") + body_text + "\n\n"
    body += rng.choice(SIGNOFFS) + f"\n{first}\n"
    if rng.random() < 0.3:
        body += (
            f"--\n{first} {last}\nPhone: +1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}\n"
        )
    if rng.random() < 0.3:
        body += (
            f"\nOn {format_datetime(when - timedelta(days=2))}, Ledgerly Support "
            "<help@ledgerly.com> wrote:\n> Thanks for reaching out, we are looking into it.\n"
        )
    return (
        f"From {addr} {when:%a %b %d %H:%M:%S %Y}\n"
        f"From: {first} {last} <{addr}>\nTo: help@ledgerly.com\n"
        f"Subject: {body_text[:40]}\nDate: {format_datetime(when)}\n"
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
    """Write ``messages`` customer messages to ``out``; returns the labels file."""
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
            writer.writerow(["response_id", "submitted_at", "nps", "comment"])
        for i in range(messages):
            when = start + timedelta(minutes=i * 7 + rng.randint(0, 6))
            label, text = message(rng)
            if writer is not None:
                nps = (
                    rng.randint(0, 6) if label not in ("praise", "question") else rng.randint(7, 10)
                )
                writer.writerow([f"r{i}", when.isoformat(sep=" "), nps, text])
                lw.writerow([f"r{i}", label])
            else:
                fh.write(_email(rng, i, when, text))
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
