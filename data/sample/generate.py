#!/usr/bin/env python3
"""Generate the Ledgerly sample dataset that voc's end-to-end tests use as ground truth.

Run from anywhere, e.g. ``python data/sample/generate.py`` from the repo root. Stdlib only
and deterministic (one ``random.Random(7)``): every run rewrites byte-identical files:

* ``emails/inbox.mbox`` and ``emails/*.eml``
* ``interviews/*.txt`` and ``interviews/*.vtt``
* ``survey/nps_survey.csv``
* ``.ground_truth.csv`` (``file,ref,theme,stage``, one row per item carrying a planted theme)
* ``README.md`` (documented ground truth, counts computed here)
"""

from __future__ import annotations

import csv
import mailbox
import random
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 7
START = date(2026, 8, 3)
END = date(2026, 10, 30)
SPIKE_START = date(2026, 10, 10)  # bank_sync complaints pile up in the last three weeks
SURVEY_Q1 = "What is the main reason for your score?"
SURVEY_Q2 = "What is one thing we could do better?"
SOURCES = ("email", "transcript", "survey")


def _lines(block: str) -> list[str]:
    """One phrase per line; a line starting with spaces continues the previous phrase."""
    out: list[str] = []
    for raw in block.strip("\n").splitlines():
        if not raw.strip():
            continue
        if raw.startswith(" ") and out:
            out[-1] += " " + raw.strip()
        else:
            out.append(raw.strip())
    return out


def _words(block: str) -> list[str]:
    """Whitespace-separated words of a block."""
    return block.split()


@dataclass(frozen=True)
class Theme:
    """A planted friction theme: stage, description, total items and (survey, email, interview)."""

    stage: str
    description: str
    target: int
    split: tuple[int, int, int]


THEMES: dict[str, Theme] = {
    "bank_sync": Theme(
        "usage",
        "Bank connection/sync fails, accounts disconnect, transactions stop importing",
        38,
        (15, 14, 9),
    ),
    "double_billing": Theme(
        "usage", "Charged twice / duplicate charge for the subscription", 30, (10, 13, 7)
    ),
    "card_verification": Theme(
        "onboarding",
        "Card or identity verification fails while setting up the account / adding the first card",
        24,
        (10, 8, 6),
    ),
    "cancellation": Theme(
        "retention",
        "Cancelling is hard: no cancel option, forced to call/email, retention-offer loops",
        19,
        (7, 7, 5),
    ),
    "pricing_confusing": Theme(
        "consideration",
        "Pricing page confusing, plan differences and what is included unclear before buying",
        14,
        (7, 3, 4),
    ),
    "promo_code": Theme(
        "purchase", "Promo / discount code rejected at checkout when buying a plan", 10, (4, 4, 2)
    ),
    "referral_bonus": Theme(
        "advocacy",
        "Referred friends but the referral reward / bonus was never credited",
        7,
        (3, 2, 2),
    ),
}

# --------------------------------------------------------------------------------------------
# Friction phrasings: every line is one hand-written core statement of exactly one theme.
# --------------------------------------------------------------------------------------------

CORE: dict[str, list[str]] = {
    "bank_sync": _lines("""
My Chase checking account keeps disconnecting and I have to log in again every couple of days.
Transactions from Wells Fargo stopped importing on the 14th and nothing has come through since.
bank sync is broken again. nothing new since friday
Every time I open the app it says my Monzo connection needs to be re-authorised, and then the
  re-authorisation fails anyway.
The sync with my credit union just spins forever and then says "Something went wrong".
I reconnected my Bank of America account three times this week and it drops off again within a
  day.
Half my accounts show "Last updated 9 days ago" even though I hit refresh constantly.
Ledgerly stopped pulling in transactions from my Capital One card, so my budget is completely wrong.
My Revolut account vanished from the accounts list after the last update and won't link back.
The bank connection fails at the very last step with a generic error, on both my Pixel 8 and the
  web app.
Why do my accounts keep disconnecting?? Its the whole point of the app
I've had to type my transactions in by hand for two weeks because the Citi feed isn't syncing.
Pending transactions come in but never update when they post, so my totals are all off.
The sync worked fine for months and now my Barclays account disconnects every single night.
Nothing has imported from our joint account at US Bank since the 2nd.
I get a "connection lost" banner on my savings account every morning.
Re-linking my bank is a ten minute ordeal and it only lasts a day before the connection breaks
  again.
accounts disconnected AGAIN. third time this month. so tired of re-entering my bank password
My Discover card hasn't synced a single transaction since I moved to an iPhone 15.
It still shows my Chase balance from last week, the new transactions just aren't coming in.
The automatic import is unreliable, some days it pulls everything and other days nothing at all.
Syncing my HSBC account fails with error 409 whenever I try to refresh.
I spend more time fixing broken bank connections than actually budgeting.
Transactions show up days late, if they show up at all, which makes the spending alerts useless.
"""),
    "double_billing": _lines("""
I was charged $12.00 twice on the 3rd for my Premium subscription.
My card statement shows two identical Ledgerly charges of $6.00 on the same day.
You billed me twice this month. Please refund the duplicate.
there are 2 charges from LEDGERLY* on my Amex, both $18.00, a minute apart
I upgraded from Plus to Premium and got charged for both plans in the same month.
The annual renewal went through twice, so $144 was taken out of my account two times.
I've been double charged for the Family plan three months in a row now and nobody has fixed it.
Apple and Ledgerly both billed me for Plus, so I'm paying for the same subscription twice.
Got hit with a duplicate charge of $12 and my account went into overdraft because of it.
Why am I seeing two payments for one subscription?
I only have one account but I'm being charged twice every month.
The receipt email came in twice and sure enough my bank shows two debits for the same amount.
I was billed again after my payment had already gone through, so I paid for September twice.
Two $6 charges hit my debit card on Monday, one at 9:02 and another at 9:04.
Seriously, charging me twice for the same month? I want the extra $18 back.
My PayPal history shows the Premium renewal was taken twice.
double charged. again.
Your system charged me a second time when I updated my card details.
I noticed a duplicate subscription charge while reconciling my budget, which is kind of ironic
  for a budgeting app.
The Google Play store and your website both took a payment for my subscription this month.
I'm being billed double, $24 instead of $12, for a single Premium plan.
I got two invoices with different numbers for the exact same billing period and paid both.
hey I think your billing glitched, got charged twice for Plus yesterday
"""),
    "card_verification": _lines("""
I couldn't finish signing up because the card verification step kept failing.
It rejected my Visa debit card during sign-up even though the card works everywhere else.
The identity check during setup said my photo ID was "unreadable" five times in a row.
verification code for my card never arrived so im stuck on the setup screen
When I tried to add my first card while creating the account, it just said "Card could not be
  verified".
The micro-deposit verification never showed up in my account, so I couldn't complete onboarding.
I tried to verify my identity with my driver's licence and it failed every time on my Galaxy S23.
Setting up the account took me three days because the card verification wouldn't go through.
It put a $1 hold on my card to verify it, the hold showed up, and the app still said verification
  failed.
The selfie verification step during sign-up just loops back to the start.
My Mastercard was declined at the "add a card" step of onboarding, and my bank says they never even
  saw the request.
Verification failed, verification failed, verification failed. I gave up on signing up for a week.
The sign-up flow wouldn't accept my card because the billing address "didn't match", but it's the
  exact address on my statement.
I was stuck on "Verifying your identity..." for an hour on my first day.
Couldn't get past the ID check when creating my account, it says my details don't match records.
The 3D Secure popup for my card closed itself during setup and then the app said the card was
  invalid.
new account, first card, instant "verification error". tried 4 times
The account setup wanted a card verification code by SMS that never came.
Onboarding was rough, it rejected my card twice at the verification step before it finally let
  me in.
My wife couldn't create her account because the identity verification kept timing out.
I entered my card details exactly right and the setup screen still said it couldn't verify the
  card.
I'm a brand new customer and I can't even get through card verification to start using the app.
"""),
    "cancellation": _lines("""
I've been trying to cancel my subscription for two weeks and I can't find the option anywhere in
  the app.
Why do I have to email support just to cancel? There should be a button.
Every time I click cancel it shows me another discount offer and sends me back to the start.
The cancel link in settings just opens a help article that tells me to contact you.
I was told I had to phone you to cancel my Premium plan, and nobody picks up.
Please cancel my subscription. I have tried three times in the app and it won't let me.
Cancelling should not be this hard. I just want to stop paying.
i cant find where to cancel, ive looked in settings, account, billing, everywhere
I got stuck in a loop of "Are you sure? Here's 50% off" screens and never actually got to cancel.
The web app says to cancel on mobile and the mobile app says to cancel on the web.
I thought I had cancelled months ago, but there was no confirmation and the subscription is still
  active.
It took a chat, two emails and a phone call to cancel the Family plan.
You make it really difficult to cancel, which honestly makes me trust you less.
The "Manage subscription" page has every option except cancel.
I want to drop Plus and go back to Free but the cancel button is greyed out.
I hit "Cancel plan", got a retention offer, declined it, and then a mandatory exit survey wouldn't
  submit, so I'm still subscribed.
Cancelling is buried five menus deep and then it still makes you talk to an agent.
Just let me cancel. I don't want a pause, I don't want a discount.
I was forced to send an email to cancel and then had to wait four days for a reply.
There is no way to cancel from the Android app at all, I looked.
I tried to end my subscription before the renewal date but the cancel option simply wasn't there.
"""),
    "pricing_confusing": _lines("""
The pricing page doesn't explain what the difference between Plus and Premium actually is.
I couldn't tell which plan includes investment tracking before I bought it.
Too many plans and the comparison table on the pricing page is confusing.
I read the pricing page three times and still wasn't sure what I would get with Premium.
It's unclear from the plans page whether the Family plan covers my partner's accounts or just mine.
The plans page uses phrases like "advanced insights" without saying what that means.
I couldn't figure out from the pricing page how many accounts the Free plan allows.
Monthly and annual prices are shown differently on the website and in the app, so I didn't know
  what I would actually pay.
Choosing a plan was confusing, the feature list is vague and half the checkmarks have asterisks.
whats the difference between Plus and Premium?? the pricing page doesnt say
I was comparing plans for twenty minutes and still couldn't tell what I'd lose by going with Plus.
The pricing page is a wall of checkmarks with no explanation.
I wanted to know what's included before paying but the plan descriptions are really unclear.
I nearly went with a competitor because I couldn't work out which Ledgerly plan fit me.
The comparison chart says "unlimited" for Plus in one place and "up to 10" in another.
Before signing up I honestly couldn't understand what Premium adds over Plus, the page just lists
  buzzwords.
Is the $18 Family plan per person or for the whole household? The pricing page doesn't make that
  clear.
Pricing is confusing. Too many tiers, no clear explanation.
The plan names don't tell you anything and the tooltips on the pricing page don't help.
It took an email to your sales team just to understand what each plan includes.
The pricing page left me more confused, not less, about which plan to pick.
"""),
    "promo_code": _lines("""
The promo code SAVE20 was rejected at checkout when I tried to buy Premium.
Your discount code says "invalid" at checkout even though the email said it's valid until the end
  of the month.
I tried the code from the podcast ad and checkout said it had expired.
promo code doesnt work at checkout
I entered the 30% off code from your newsletter, it said "code not recognised" and made me pay
  full price.
The checkout page accepts the code, shows the discount, and then the final total is the full $12.
The student discount code failed every time I tried to upgrade to Plus.
I got a "this code cannot be applied to your plan" error at checkout for a code you sent to me
  personally.
The Black Friday preview code you emailed me doesn't apply at checkout.
I bought the Family plan but the discount code printed on your flyer was refused at payment.
The coupon field at checkout just turns red whatever code I put in.
The welcome offer code FIRSTMONTH wouldn't apply when I went to pay.
I typed the promo code exactly as written and checkout still rejected it.
I was promised 50% off my first year with a code, but the checkout refuses it.
I'd have upgraded today but the promo code from your Instagram ad keeps failing at payment.
The discount code box on the upgrade screen says "Something went wrong" every time.
Promo code rejected on iOS, rejected on the web. What's the point of sending it?
I tried to redeem the annual plan discount code three times at checkout and gave up.
the code LEDGER25 wont apply when buying plus, says not eligible
Checkout ignored my discount code and I ended up paying full price for Premium.
"""),
    "referral_bonus": _lines("""
I referred three friends and never received the referral bonus.
My sister signed up with my referral link and neither of us got the $10 credit.
The referral reward you advertise never showed up in my account.
I've invited five people, they all joined, and my referral count still says zero.
Where is my referral bonus? My coworker subscribed to Plus two months ago.
I recommended you to my whole team and the "free month" referral reward never got credited.
The referral page shows my friend as "pending" even though she's been paying for weeks.
referral credit never came through
I shared my invite code like the app asked, my friend used it, and there was no reward for either
  of us.
Stop advertising referral bonuses if you're not going to pay them out.
My referral reward disappeared from the rewards tab after a day.
I got the "your friend joined!" email but the referral bonus was never applied to my bill.
Both my brother and my roommate used my link and I'm still waiting for the referral credit.
I've asked twice about a missing referral bonus and keep getting told to wait.
The referral program is a bit of a joke, I brought in four people and got nothing.
My friend's account shows she joined through my referral, but my account never got the bonus.
You promised a free month for each referral and I haven't seen a single one credited.
I love recommending Ledgerly but my referral rewards never arrive, which is annoying.
Referred my dad, he subscribed, the referral bonus never landed.
The referral credit shows up as "expired" even though I never got to use it.
"""),
}

# Optional context sentence placed before the friction statement (still only one theme).
CONTEXT: dict[str, list[str]] = {
    "bank_sync": _lines("""
I've been using Ledgerly for about a year and rely on it for everything.
I have my checking, my savings and two credit cards linked.
This started right after the update last week.
I track every purchase, so this matters a lot to me.
I use the Android app every day.
"""),
    "double_billing": _lines("""
I just went through my bank statement.
I'm on the Premium plan, billed monthly.
I was reconciling my account this morning.
We're on the Family plan.
"""),
    "card_verification": _lines("""
I just downloaded the app on my iPhone.
I'm new to Ledgerly and was excited to try it.
I was setting up my account last night.
A friend recommended the app so I finally signed up.
"""),
    "cancellation": _lines("""
I don't need the app anymore since my partner and I merged our finances into one spreadsheet.
My renewal is coming up on the 15th.
I'm taking a break from budgeting apps for a while.
Money is tight this month and I'm cutting subscriptions.
"""),
    "pricing_confusing": _lines("""
I'm trying to decide whether to upgrade.
I was looking at the plans before signing up.
I'm comparing Ledgerly with a couple of other apps.
"""),
    "promo_code": _lines("""
I wanted to upgrade to Premium today.
I signed up for the newsletter to get the discount.
I was about to buy the annual plan.
"""),
    "referral_bonus": _lines("""
I've been telling everyone about Ledgerly.
I've been a Plus member since last spring.
"""),
}

# Terse "what could we do better" openers for survey question 2 (one theme each).
IMPERATIVE: dict[str, list[str]] = {
    "bank_sync": _lines("""
Fix the bank sync.
Make the bank connections reliable.
Stop my accounts from disconnecting.
Sort out the transaction import.
"""),
    "double_billing": _lines("""
Stop double charging people.
Fix your billing so it only charges once.
Refund duplicate charges without me having to chase you.
"""),
    "card_verification": _lines("""
Fix the card verification at sign-up.
Make the identity check during setup actually work.
Let new users verify their card without a fight.
"""),
    "cancellation": _lines("""
Make cancelling easy.
Put a real cancel button in the app.
Let people cancel without the discount loop.
"""),
    "pricing_confusing": _lines("""
Make the pricing page clearer.
Explain the plans properly before people pay.
Simplify the plans page.
"""),
    "promo_code": _lines("""
Make promo codes work at checkout.
Honour the discount codes you send out.
"""),
    "referral_bonus": _lines("""
Pay out the referral bonuses you promise.
Credit referral rewards like you say you will.
"""),
}

# Interview lead-ins, spoken register (one theme each).
LEAD: dict[str, list[str]] = {
    "bank_sync": _lines("""
The biggest headache has been the bank connection, to be honest.
Day to day it would be fine if the syncing worked.
So this is where it gets frustrating.
Well, the sync is the thing I'd fix first.
"""),
    "double_billing": _lines("""
Yes, actually, and not in a good way.
Oh, billing. Where do I start.
There was one thing that really annoyed me.
"""),
    "card_verification": _lines("""
Setting up was honestly the worst part.
Sign-up was a pain, I'll be honest.
Not great, actually.
"""),
    "cancellation": _lines("""
I did try to cancel at one point.
I've thought about it, and when I tried to leave it was a nightmare.
Yeah, I actually tried to cancel a couple of months ago.
"""),
    "pricing_confusing": _lines("""
Comparing the plans was really confusing.
That part was harder than it should have been.
Honestly I struggled with the pricing page.
"""),
    "promo_code": _lines("""
It would have been easy except for the discount code.
So I had a code, and that's where it went wrong.
"""),
    "referral_bonus": _lines("""
I have, but there's a catch with the referral thing.
Yes, and the referral bonus is actually a sore point.
"""),
}
CONTINUE = _lines("""
Yeah, and it didn't stop there.
It kept happening after that.
So then I tried again the next day.
And then it got worse.
""")

# Customer follow-ups in a thread: new text that restates the same theme.
FOLLOWUP: dict[str, list[str]] = {
    "bank_sync": _lines("""
Still not fixed, it happened again today.
I removed the account and linked it again like you said, and the bank disconnected again overnight.
Same thing this morning, no transactions have synced since Tuesday.
Reconnecting didn't help, the sync is still stuck on the same error.
"""),
    "double_billing": _lines("""
The refund still hasn't arrived, and I can still see both charges on my statement.
I checked again and there are still two payments this month, nothing has been reversed.
Now it's happened again on this month's renewal, two charges again.
"""),
    "card_verification": _lines("""
I tried again on the latest version with a different card and the verification still fails.
"""),
    "cancellation": _lines("""
I followed those steps and there's still no cancel button anywhere on my screen.
"""),
    "pricing_confusing": _lines("""
Thanks, but I'm still not clear from the pricing page what Premium gives me that Plus doesn't.
"""),
    "promo_code": _lines("""
The new code you sent is being rejected at checkout too.
"""),
    "referral_bonus": _lines("""
It's been another two weeks and the referral credit still isn't there.
"""),
}

# --------------------------------------------------------------------------------------------
# Non-friction content
# --------------------------------------------------------------------------------------------

PRAISE = _lines("""
I love the budgets view, it's exactly how my brain works.
The monthly reports are great, I actually look forward to them.
Your support team was really helpful the last time I wrote in.
The app is fast and clean.
The automatic spending categories are spot on.
The goals feature helped me save for a trip to Lisbon.
I love how easy it is to see where my money goes.
Ledgerly has completely changed how I think about money.
The weekly summary email is my favourite thing.
Best budgeting app I've tried, and I've tried a lot.
The charts make it simple to explain our finances to my husband.
I paid off my credit card in six months thanks to the debt planner.
The bill reminders have saved me from late fees more than once.
The design is calm and beautiful, not stressful like other finance apps.
The "Safe to spend" number is genius.
Love the envelope-style budgets.
Setting up categories took five minutes and everything just made sense.
The widget on my home screen is super handy.
I really like the dark mode on iOS.
Support answered my question within an hour and was very friendly.
The net worth tracker is really motivating.
I like that the web and mobile apps feel the same.
The recurring expenses view helped me spot two gym memberships I'd forgotten about.
Reports are clear and the CSV export works great.
My whole family uses it and we finally talk about money without fighting.
The savings goals with the little progress bars keep me on track.
Everything is where I expect it to be.
Five stars for the budgeting tools.
The onboarding tips were genuinely useful.
Customer service has been excellent every time.
The rules for auto-categorising are powerful and easy to set up.
Love the year-in-review report, it was fun to read.
The app helped us save the deposit for our first house.
Clean interface, no ads, no clutter.
The notifications are helpful without being annoying.
Budgeting finally clicked for me with Ledgerly.
I check it every morning with my coffee, it's that good.
Splitting transactions is so smooth.
The tags feature is perfect for tracking work expenses.
Really intuitive, my teenage son figured it out in minutes.
The calendar view of upcoming bills is brilliant.
Thanks for building such a thoughtful product.
The search is quick and finds any transaction in seconds.
I love the little celebration when I stay under budget for the month.
""")

SURVEY_PRAISE = _lines("""
Easy to use and it actually helps me save.
love it!!
Simple, clean, does exactly what I need.
Best finance app out there
The budgets. Just the budgets. They're perfect.
Helped me get out of debt
It makes budgeting feel less like a chore.
Great design and really helpful reports
super intuitive
My wife and I finally agree on a budget, thanks to this app.
10/10 would budget again
Everything I need in one place.
Gives me peace of mind every single week.
I finally know where my paycheck goes.
Beautiful app, great support.
It's the only money app I've ever stuck with.
Great value and a genuinely useful product.
Saved over $3,000 this year because of it.
Clear, friendly, and the reports are excellent.
Honestly life-changing for my finances.
""")

TAILS = _lines("""
Otherwise I love the budgets view.
The rest of the app is great, though.
Other than that, the reports are really good.
Love the app otherwise.
Apart from this, Ledgerly has been brilliant for me.
Everything else works beautifully.
""")

# (text, email subject) neutral questions; no complaint words.
NEUTRAL_QUESTIONS: list[tuple[str, str]] = [
    (
        "Is there a way to export all my transactions to CSV? I'd like to do my taxes in a "
        "spreadsheet.",
        "Export to CSV?",
    ),
    (
        "Do you support joint accounts? My husband and I want to track our shared checking "
        "together.",
        "Joint accounts",
    ),
    ("How do I change the start day of my budget month? I get paid on the 25th.", "Budget month"),
    ("Can I change my currency to euros? I'm moving to Lisbon next month.", "Currency question"),
    ("Is there an API? I'd like to pull my categories into a personal dashboard.", "API access?"),
    ("Is two-factor authentication available for the web login?", "2FA on the web"),
    ("Can I add cash transactions manually?", "Cash transactions"),
    ("Do you have a desktop app for Mac, or is the web app the way to go?", "Mac app?"),
    ("How do I rename a category? I'd like 'Eating out' instead of 'Restaurants'.", "Categories"),
    ("Is there a limit on how many savings goals I can create?", "Savings goals"),
    ("Can I hide an old account from the dashboard and keep its history?", "Hiding an account"),
    ("Does the app come in Spanish? My mother would like to use it.", "Language"),
    ("Will you be adding investment accounts at some point?", "Investment accounts"),
    ("What time zone are the weekly reports based on? I live in Singapore.", "Report time zone"),
    ("Can I print a monthly report for my accountant?", "Printing reports"),
    ("Is there a way to split one transaction across two categories?", "Splitting transactions"),
]

NEUTRAL_PASSIVE = _lines("""
It does the job.
Good app, I just use it lightly.
Still getting used to it.
Decent. I only use the basics.
It's fine for what I need.
I like it but I'm not a power user.
Solid, nothing more to say.
I haven't explored all the features yet.
Useful for tracking groceries, that's mostly what I use it for.
It's okay, I mainly check balances.
I use it alongside my spreadsheet for now.
Haven't had it long enough to give a 10.
I'm a casual user.
Pretty good app overall.
Does what it says.
Good, and I'm still comparing it with a couple of others.
I only log in once a month or so.
Average. No strong feelings either way.
My partner uses it more than I do.
It's a useful tool, nothing flashy.
I just started, ask me again in a few months.
It's a budgeting app. It budgets.
Mostly use it for the bill calendar.
I never give 10s.
Reasonable app, I use the web version mainly.
Good enough for my needs right now.
I mostly use it on my phone during the commute.
It's part of my monthly routine, nothing more.
""")

SUGGESTIONS = _lines("""
A dark mode on the web app.
An Apple Watch app would be handy.
Let me attach photos of receipts to transactions.
More chart types in the reports.
A yearly budget view.
An Android home screen widget.
Shared notes on transactions for couples.
Support for investment accounts.
A way to tag one transaction with two categories.
Custom colours for categories.
More currencies, I travel a lot.
A desktop app for Mac.
Spanish language support.
Keyboard shortcuts on the web.
Budgets that roll over every quarter.
Printable monthly reports.
A debt payoff calculator with more options.
Bill reminders by SMS as well as push.
Let me rename accounts on the dashboard.
A simple mode for my parents.
Crypto wallet tracking.
Export to Excel, not just CSV.
Goals with deadlines and reminders.
Let me hide accounts I rarely use.
A monthly summary email for my partner too.
More icons for categories.
Savings challenges would be fun.
Integration with Google Sheets.
Split transactions by percentage.
Weekly budgets as well as monthly ones.
A short tutorial video for new users.
Let me plan next month's budget in advance.
Maybe an iPad layout.
Tips on where to trim spending, based on my categories.
View-only access for the kids on the Family plan.
""")
SUGGESTION_LEADS = ["", "", "", "Maybe ", "Small thing: ", "Wishlist: ", "Honestly just ", "Idea: "]

NOTHING_NEUTRAL = _lines("""
Nothing comes to mind.
Not sure, it's good as is.
No complaints.
Can't think of anything.
Nothing really.
Nothing major.
Hard to say, I'm happy with it.
""")
NOTHING_PRAISE = _lines("""
Honestly nothing, keep it up!
Nothing, it's perfect for me.
Keep doing what you're doing, the team is great.
Nothing! Love it.
Just keep the app as simple as it is now, it's great.
Can't think of a thing, you've nailed it.
""")

# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------

FIRST_NAMES = _words("""
Dana Marcus Aisha Jordan Sofia Devon Elena Kwame Hannah Luis Rachel Tyler Mei Omar Grace Ben
Priscilla Nikhil Chloé Liam Fatima Ethan Noor Carlos Megan Yusuf Olivia Raj Isabel Owen Zoë José
Leah Hiro Amara Patrick Ingrid Samir Tess Andre Keisha Björn Nadia Gavin Renée Malik Harper
Dmitri Lucy Tomás Bianca Felix Sunita Caleb Imani Victor Ruth Søren Jasmine Declan
""")
LAST_NAMES = _words("""
Whitfield Okafor Reyes Nguyen Patel Kowalski Brennan Haddad Lindqvist Moreau Castillo Fischer
Adeyemi O'Connor Tanaka Schmidt Walsh Delgado Kim Novak Murphy Sato Ibrahim Carter Rossi
Bergstrom Mensah Alvarez Chen Hughes Dubois Farouk Gallagher Ivanova Jensen Khan Larsen Mahlangu
Nakamura Ortega Petrov Quinn Ramirez Stein Takahashi Uribe Varga Wright Yamamoto Zimmerman
Abbott Brooks Costa Dawson Ellis Foster
""")
FREE_DOMAINS = [
    ("gmail.com", 34),
    ("outlook.com", 14),
    ("yahoo.com", 9),
    ("icloud.com", 12),
    ("hotmail.com", 5),
    ("proton.me", 5),
]
COMPANIES = [
    ("brightlinellc.com", "Brightline LLC", "Senior Accountant"),
    ("northwinddesign.co", "Northwind Design", "Art Director"),
    ("harborviewhealth.org", "Harborview Health", "Charge Nurse"),
    ("kestrelpartners.com", "Kestrel Partners", "Associate"),
    ("acmelogistics.com", "Acme Logistics", "Operations Manager"),
    ("tidewaterschools.org", "Tidewater Schools", "Science Teacher"),
    ("quillandpine.co.uk", "Quill & Pine Ltd", "Office Manager"),
    ("solsticelabs.io", "Solstice Labs", "Software Engineer"),
]
TIMEZONES = [-7, -7, -5, -5, -4, -4, -4, 0, 1, 2, 10]
ASCII_FIX = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "'": ""})


def ascii_slug(text: str) -> str:
    """Lower-case ASCII form of a name, for e-mail addresses."""
    text = unicodedata.normalize("NFKD", text.translate(ASCII_FIX))
    return "".join(c for c in text if c.isascii() and c.isalnum()).lower()


@dataclass
class Person:
    """A customer or survey respondent."""

    first: str
    last: str
    addr: str
    domain: str
    company: str = ""
    title: str = ""
    phone: str = ""
    tz: int = 0

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


AGENTS = [
    ("Priya at Ledgerly", "support@ledgerly.com", "Priya"),
    ("Marco from Ledgerly", "support@ledgerly.com", "Marco"),
    ("Sam at Ledgerly", "sam.k@ledgerly.com", "Sam"),
    ("Ledgerly Billing", "billing@ledgerly.com", "Alex"),
]
SUPPORT = "Ledgerly Support <support@ledgerly.com>"

SUBJECTS: dict[str, list[str]] = {
    "bank_sync": [
        "Bank sync not working",
        "Chase account keeps disconnecting",
        "Transactions not importing",
        "sync broken again",
        "accounts disconnected",
        "Re-linking my bank every day??",
        "Connection error with my bank",
        "No new transactions since last week",
    ],
    "double_billing": [
        "Charged twice",
        "Duplicate charge",
        "Double billing on my account",
        "Refund for duplicate payment",
        "Two charges this month??",
        "Billing error",
    ],
    "card_verification": [
        "Can't verify my card",
        "Stuck at verification",
        "Sign-up problem",
        "ID verification failing",
        "Card verification failed during setup",
    ],
    "cancellation": [
        "Cancel my subscription",
        "How do I cancel??",
        "Cancellation",
        "Unable to cancel",
    ],
    "pricing_confusing": ["Question about plans", "Plus vs Premium?", "Pricing page"],
    "promo_code": ["Promo code not working", "Discount code rejected"],
    "referral_bonus": ["Missing referral bonus", "Referral credit never arrived"],
    "praise": [
        "Thank you!",
        "Just wanted to say thanks",
        "Loving Ledgerly",
        "Kudos to the team",
        "Great app",
        "Feedback",
        "A happy customer",
    ],
}
GREETINGS = [
    "Hi,",
    "Hello,",
    "Hi there,",
    "Hello Ledgerly team,",
    "Hi support,",
    "Hey,",
    "Good morning,",
    "To whom it may concern,",
    "",
    "",
]
ASKS = [
    "Can you look into this?",
    "Please help.",
    "Any help appreciated.",
    "I'd appreciate a quick reply.",
    "Thanks in advance.",
    "",
    "",
]
AGENT_TEXT: dict[str, str] = {
    "bank_sync": (
        "Thanks for letting us know, and sorry about the trouble with your bank connection. "
        "Could you remove the account under Settings > Connections and link it again? If it "
        "keeps happening, reply here and I'll escalate it to our data team."
    ),
    "double_billing": (
        "I'm sorry about that. I can see the second payment on your account and I've issued a "
        "refund for it; it should appear on your statement within 5-10 business days."
    ),
    "card_verification": (
        "Sorry you ran into this during setup. Please update to the latest version of the app "
        "and try again. If it still doesn't go through, reply with the last four digits of the "
        "card (never the full number) and we'll take a look."
    ),
    "cancellation": (
        "Sorry for the hassle. You can cancel under Settings > Plan > Manage subscription. If "
        "you subscribed through the App Store or Google Play, the cancellation has to be done "
        "there."
    ),
    "pricing_confusing": (
        "Good question! Plus adds unlimited accounts and custom categories; Premium adds "
        "investment tracking, the debt planner and priority support. The full comparison is at "
        "ledgerly.com/plans."
    ),
    "promo_code": (
        "Thanks for flagging this. Codes only apply to new subscriptions, but I've applied the "
        "discount manually; you'll see it on your next invoice."
    ),
    "referral_bonus": (
        "Thanks for spreading the word! I've passed your account to our rewards team, who will "
        "check the referral and credit anything that's missing."
    ),
    "praise": (
        "Thank you so much for taking the time to write, this made our day! I've shared your "
        "message with the whole team."
    ),
    "neutral": (
        "Thanks for reaching out! Yes, you can do that from Settings on the web app; our help "
        "centre has a step-by-step guide. Let me know if you need anything else."
    ),
}
PRAISE_FOLLOWUP = [
    "That worked, thank you so much! Really appreciate the quick help.",
    "All sorted now. You've been super helpful, thanks {agent}.",
]
PII_SENTENCES = {
    "card": "My card ends in 1111... wait, the full number is 4111 1111 1111 1111 if you need it "
    "to find the payment.",
    "phone": "You can reach me on (415) 555-0142 during the day if that's easier.",
    "email": "The account is under my old address, {slug}.home@gmail.com, not this one.",
}

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# --------------------------------------------------------------------------------------------
# Interviews
# --------------------------------------------------------------------------------------------

QUESTIONS: dict[str, list[str]] = {
    "intro": [
        "Thanks for joining, {name}. Could you tell me a bit about yourself and how you handle "
        "money today?",
        "Hi {name}, thanks for making the time. To start, who are you and how do you manage your "
        "finances?",
    ],
    "awareness": [
        "How did you first hear about Ledgerly?",
        "What made you start looking for a budgeting app, and how did you find us?",
    ],
    "consideration": [
        "When you were looking at the plans, how did you decide which one to pick?",
        "What was it like comparing the different plans?",
    ],
    "purchase": [
        "How did buying the subscription go?",
        "Can you walk me through the moment you upgraded?",
    ],
    "onboarding": [
        "What was signing up and setting up your account like?",
        "Can you tell me about your first day with the app?",
    ],
    "usage": [
        "How do you use Ledgerly day to day?",
        "What has the day-to-day experience been like?",
    ],
    "billing": [
        "Anything around billing or payments that stood out?",
        "How has billing been for you?",
    ],
    "retention": [
        "Have you ever thought about cancelling or switching?",
        "What keeps you on Ledgerly, or what would make you leave?",
    ],
    "advocacy": [
        "Would you recommend Ledgerly to other people? Have you?",
        "Have you told friends or family about it?",
    ],
    "ack": [
        "Got it. And then?",
        "Mm-hm. What happened next?",
        "How often does that happen?",
        "Right. Did it get sorted?",
    ],
}
CLOSINGS = [
    "That's all my questions. Thanks so much, {name}, this was really helpful.",
    "Great, that's everything from me. Thank you, {name}!",
]

# Non-themed participant answers per slot: (label, text).
PLAIN: dict[str, list[tuple[str, str]]] = {
    "intro": [
        (
            "neutral",
            "Sure! I'm {name}, I work as {a_job} in {city}, and until last year my "
            "budgeting system was basically a notes app and a lot of guesswork.",
        ),
        (
            "neutral",
            "Yeah, happy to. I'm {name}. I'm {a_job}, I live in {city} with my partner, "
            "and we share most of our expenses.",
        ),
        (
            "neutral",
            "Of course. So I'm {name}, I'm {a_job}, and I've been trying to get serious "
            "about saving since my daughter was born. Feel free to follow up at {email} if you "
            "need anything else.",
        ),
        (
            "neutral",
            "Hi, yes. {name} here. I'm {a_job} based in {city}. I track pretty much "
            "everything, I'm a bit of a numbers person.",
        ),
        (
            "neutral",
            "Sure. My name's {name}, I'm {a_job} in {city}, and I manage the money for "
            "me and my two teenagers.",
        ),
        (
            "neutral",
            "Yeah. I'm {name}, {job}, living in {city}. Before Ledgerly I used a "
            "spreadsheet my dad made me years ago. If the call drops, my number is {phone}.",
        ),
        (
            "neutral",
            "Okay, so I'm {name}. I'm {a_job} and I freelance on the side, so I've got "
            "a few income streams to keep an eye on.",
        ),
        (
            "neutral",
            "Hi! I'm {name}, I'm {a_job} in {city}. I'm pretty new to budgeting, "
            "honestly. My email is {email} if you want to send the gift card there.",
        ),
        (
            "neutral",
            "I'm {name}, {job} in {city}. I've used maybe four budgeting apps over the years.",
        ),
    ],
    "awareness": [
        (
            "neutral",
            "I think I first saw it in a Reddit thread about budgeting apps, and then a "
            "coworker had it open on her phone at lunch.",
        ),
        (
            "neutral",
            "Honestly, an ad on YouTube. I'd been searching for budgeting tips and it "
            "kept showing up.",
        ),
        (
            "neutral",
            "My brother uses it. He showed me his monthly report over the holidays and I "
            "downloaded it that night.",
        ),
        (
            "praise",
            "A podcast I like mentioned it, and the way they described the budgets view "
            "sounded exactly like what I wanted. It turned out to be true, the budgets are great.",
        ),
        (
            "neutral",
            "I searched for a budget app in the App Store and it was one of the top results.",
        ),
        (
            "neutral",
            "A financial coach I was working with suggested a few apps and Ledgerly was "
            "on the list.",
        ),
        (
            "praise",
            "I read a review on a personal finance blog. The screenshots looked so clean "
            "compared to the app I was using, and it really is that nice to use.",
        ),
        ("neutral", "My partner found it, actually. I just went along with it at first."),
    ],
    "consideration": [
        (
            "praise",
            "Pretty easy, honestly. I knew I wanted shared budgets so Family was the "
            "obvious choice, and I've been really happy with it.",
        ),
        (
            "neutral",
            "I started on Free for a couple of months and only looked at the paid plans later.",
        ),
        (
            "neutral",
            "I didn't spend much time on it. I picked Plus and figured I could change later.",
        ),
    ],
    "purchase": [
        ("neutral", "I paid with Apple Pay inside the app. It took a few seconds."),
        ("neutral", "I bought the annual plan on the website, nothing special to report there."),
        (
            "praise",
            "It was smooth. Two taps and I was on Premium, and the new features showed up "
            "straight away.",
        ),
    ],
    "onboarding": [
        (
            "praise",
            "Really good, actually. The setup walked me through creating categories and I "
            "had my first budget done in ten minutes.",
        ),
        (
            "praise",
            "Nice and quick. I liked that it suggested budgets based on my first month of "
            "spending.",
        ),
        (
            "praise",
            "The welcome tips were genuinely useful, I still use the keyboard shortcuts "
            "it showed me on the web.",
        ),
        (
            "neutral",
            "Fairly standard. Email, password, pick some categories, then add your accounts.",
        ),
    ],
    "usage": [
        (
            "praise",
            "I open it every morning. The safe-to-spend number is the first thing I look "
            "at and it's honestly changed how I shop.",
        ),
        (
            "praise",
            "Mostly the budgets view and the weekly report. The report is great, it's the "
            "only finance email I actually read.",
        ),
        (
            "praise",
            "I love the goals. We saved for a trip to Japan using the little progress "
            "bars, which sounds silly but it worked.",
        ),
        (
            "neutral",
            "I check it a couple of times a week, usually on Sunday evenings when I plan the week.",
        ),
        (
            "praise",
            "The categories and rules are brilliant. I set up rules for my freelance "
            "income and it sorts everything automatically.",
        ),
    ],
    "billing": [
        ("neutral", "Billing's been uneventful, it just comes out on the first of the month."),
        ("neutral", "I pay annually so I don't really think about it."),
    ],
    "retention": [
        (
            "praise",
            "No, not really. It's part of my routine now and I can't imagine going back "
            "to spreadsheets.",
        ),
        (
            "praise",
            "I've thought about what I'd do without it and honestly I'd just be stressed. "
            "It's worth it for me.",
        ),
        ("neutral", "I'd only leave if my circumstances changed a lot. For now I'm staying."),
    ],
    "advocacy": [
        (
            "praise",
            "Yes, all the time. My sister and two friends from work use it now because I "
            "wouldn't stop talking about the reports.",
        ),
        (
            "praise",
            "Definitely. I'd tell anyone who struggles with money like I did to try it, "
            "it genuinely helped me.",
        ),
        ("neutral", "I've mentioned it to a few people, not sure if any of them signed up."),
        (
            "praise",
            "I have. My roommate switched from another app after seeing my dashboard, "
            "she says the categories are way better.",
        ),
        (
            "praise",
            "Yes, I'd give it a nine out of ten. I talk about it in a couple of group chats.",
        ),
    ],
}


@dataclass(frozen=True)
class Transcript:
    """One interview: participant, format and the journey slots (slot, planted theme or None)."""

    name: str
    ext: str
    interviewer: str
    plan: str
    day: date
    job: str
    city: str
    slots: tuple[tuple[str, str | None], ...]
    header: bool = True
    timestamps: bool = False
    cue_ids: bool = False


BANK, DOUBLE, CARD, CANCEL = "bank_sync", "double_billing", "card_verification", "cancellation"
PRICING, PROMO, REFERRAL = "pricing_confusing", "promo_code", "referral_bonus"

TRANSCRIPTS: list[Transcript] = [
    Transcript(
        "Jordan",
        "txt",
        "Maya",
        "Premium",
        date(2026, 8, 12),
        "paramedic",
        "Denver",
        (
            ("intro", None),
            ("awareness", None),
            ("consideration", PRICING),
            ("onboarding", CARD),
            ("usage", BANK),
            ("ack", BANK),
            ("billing", DOUBLE),
            ("retention", None),
            ("advocacy", None),
        ),
    ),
    Transcript(
        "Marcus",
        "txt",
        "Tom",
        "Plus",
        date(2026, 8, 27),
        "bartender",
        "Chicago",
        (
            ("intro", None),
            ("awareness", None),
            ("consideration", PRICING),
            ("onboarding", CARD),
            ("ack", CARD),
            ("usage", None),
            ("retention", CANCEL),
        ),
        timestamps=True,
    ),
    Transcript(
        "Sofia",
        "txt",
        "Maya",
        "Family",
        date(2026, 9, 9),
        "pharmacist",
        "Austin",
        (
            ("intro", None),
            ("consideration", None),
            ("onboarding", CARD),
            ("usage", BANK),
            ("billing", DOUBLE),
            ("ack", DOUBLE),
            ("advocacy", None),
        ),
    ),
    Transcript(
        "Aisha",
        "vtt",
        "Maya",
        "Plus",
        date(2026, 9, 20),
        "UX researcher",
        "London",
        (
            ("intro", None),
            ("awareness", None),
            ("purchase", PROMO),
            ("usage", BANK),
            ("billing", DOUBLE),
            ("retention", CANCEL),
            ("advocacy", REFERRAL),
        ),
        cue_ids=True,
    ),
    Transcript(
        "Devon",
        "txt",
        "Maya",
        "Free",
        date(2026, 9, 30),
        "graduate student",
        "Atlanta",
        (
            ("intro", None),
            ("awareness", None),
            ("consideration", PRICING),
            ("usage", BANK),
            ("retention", CANCEL),
            ("advocacy", None),
        ),
    ),
    Transcript(
        "Elena",
        "txt",
        "Maya",
        "Premium",
        date(2026, 10, 8),
        "architect",
        "Barcelona",
        (
            ("intro", None),
            ("awareness", None),
            ("onboarding", CARD),
            ("usage", BANK),
            ("ack", BANK),
            ("billing", DOUBLE),
            ("retention", None),
        ),
    ),
    Transcript(
        "Kwame",
        "vtt",
        "Tom",
        "Plus",
        date(2026, 10, 15),
        "electrician",
        "Toronto",
        (
            ("intro", None),
            ("purchase", PROMO),
            ("onboarding", CARD),
            ("usage", BANK),
            ("retention", CANCEL),
            ("advocacy", None),
        ),
    ),
    Transcript(
        "Hannah",
        "txt",
        "Maya",
        "Plus",
        date(2026, 10, 22),
        "teacher",
        "Melbourne",
        (
            ("intro", None),
            ("awareness", None),
            ("consideration", PRICING),
            ("onboarding", None),
            ("usage", None),
            ("billing", DOUBLE),
            ("retention", None),
            ("advocacy", None),
        ),
        header=False,
    ),
    Transcript(
        "Luis",
        "vtt",
        "Maya",
        "Premium",
        date(2026, 10, 27),
        "chef",
        "San Diego",
        (
            ("intro", None),
            ("awareness", None),
            ("usage", BANK),
            ("billing", DOUBLE),
            ("retention", CANCEL),
            ("advocacy", REFERRAL),
        ),
    ),
]

# --------------------------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------------------------

EML_THEMES = {DOUBLE: 1, CANCEL: 1, PROMO: 1}  # html-only, multipart, quoted-printable
FOLLOW_THEMES = [BANK, BANK, BANK, DOUBLE, DOUBLE, CARD, CANCEL, PROMO]
OUTLOOK_FOLLOWUP = 3  # index into FOLLOW_THEMES answered Outlook-style
N_PRAISE_MAILS, N_NEUTRAL_MAILS, N_EXTRA_REPLIES = 12, 10, 10
PAID_THEMES = {DOUBLE, CANCEL, PROMO}
AGENT_TZ = timezone(timedelta(hours=-4))


@dataclass
class Item:
    """One customer item of the dataset and its label (theme id, ``praise`` or ``neutral``)."""

    source: str
    file: str
    ref: str
    label: str
    day: date | None = None


@dataclass
class Mail:
    """A message of inbox.mbox before it is rendered."""

    kind: str  # customer | agent | followup | auto
    name: str
    addr: str
    to: str
    dt: datetime
    subject: str
    body: str
    label: str = ""  # theme id, praise or neutral; "" for agent replies and the auto-reply
    parent: Mail | None = None
    person: Person | None = None
    signer: str = ""  # agent's first name, for agent replies
    msgid: str = ""


def gmail_attribution(dt: datetime, name: str, addr: str) -> str:
    """Gmail-style quote header, e.g. ``On Tue, 8 Sep 2026 at 10:14, Priya <a@b> wrote:``."""
    day = DAYS[dt.weekday()][:3]
    return f"On {day}, {dt.day} {MONTHS[dt.month - 1][:3]} {dt.year} at {dt:%H:%M}, " + (
        f"{name} <{addr}> wrote:"
    )


def outlook_sent(dt: datetime) -> str:
    """Outlook-style ``Sent:`` value, e.g. ``Tuesday, September 8, 2026 10:14 AM``."""
    hour = dt.hour % 12 or 12
    ampm = "AM" if dt.hour < 12 else "PM"
    return (
        f"{DAYS[dt.weekday()]}, {MONTHS[dt.month - 1]} {dt.day}, {dt.year} "
        f"{hour}:{dt.minute:02d} {ampm}"
    )


def quote(body: str) -> str:
    """Prefix every line with ``> `` (``>`` for blank lines), as mail clients do."""
    return "\n".join("> " + line if line else ">" for line in body.rstrip("\n").splitlines())


def join(parts: list[str], sep: str = " ") -> str:
    """Join sentences, ending each non-final one with a full stop if it has no punctuation."""
    parts = [parts[0]] + [p[0].upper() + p[1:] for p in parts[1:]]
    done = [p if p[-1] in '.!?"' else p + "." for p in parts[:-1]]
    return sep.join([*done, parts[-1]])


PLAN_TOKENS = {
    "Plus": ("Plus", "$6"),
    "Premium": ("Premium", "$12", "$24", "$144"),
    "Family": ("Family", "$18", "$36"),
}


def conflicts(phrase: str, plan: str) -> bool:
    """True if ``phrase`` names a plan (or its price) other than ``plan``."""
    return any(
        tok in phrase for other, toks in PLAN_TOKENS.items() if other != plan for tok in toks
    )


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a proper name."""
    first = text.split()[0]
    if (len(first) > 1 and first.isupper()) or first in {
        "Apple",
        "Android",
        "Spanish",
        "Google",
        "Crypto",
    }:
        return text
    return text[0].lower() + text[1:]


class Gen:
    """Builds every sample file from one seeded random generator."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.decks: dict[str, list[int]] = {}
        self.seen: set[str] = set()
        self.items: list[Item] = []
        self.names: set[str] = set()
        self.line_breaks = 0

    # ---- helpers -------------------------------------------------------------------------

    def pick(self, key: str, pool: list[str]) -> str:
        """Deal from ``pool`` without repeats until it is used up, then reshuffle."""
        return pool[self.pick_index(key, len(pool))]

    def pick_index(self, key: str, n: int) -> int:
        """Index dealt from a shuffled deck of ``range(n)`` kept under ``key``."""
        stack = self.decks.setdefault(key, [])
        if not stack:
            stack.extend(range(n))
            self.rng.shuffle(stack)
        return stack.pop()

    def chance(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.rng.random() < p

    def unique(self, make: Callable[[], str]) -> str:
        """Call ``make`` until it returns a text no other item has used."""
        for _ in range(500):
            text = make()
            key = " ".join(text.lower().split())
            if key not in self.seen:
                self.seen.add(key)
                return text
        raise RuntimeError("could not compose a unique text")

    def cores(self, theme: str, n: int, spoken: bool = False, plan: str = "") -> list[str]:
        """``n`` distinct core friction statements of ``theme`` (consistent with ``plan``)."""
        pool = CORE[theme]
        if spoken:
            pool = [p for p in pool if p[0].isupper() and "?" not in p and "lease" not in p]
        if plan and theme in PAID_THEMES:
            pool = [p for p in pool if not conflicts(p, plan)]
        else:
            plan = ""
        out: list[str] = []
        while len(out) < n:
            phrase = self.pick(f"core:{theme}:{spoken}:{plan}", pool)
            if phrase not in out:
                out.append(phrase)
        return out

    def context(self, theme: str, plan: str) -> str:
        """A context sentence for ``theme`` that does not contradict ``plan``."""
        pool = [c for c in CONTEXT[theme] if not conflicts(c, plan)]
        return self.pick(f"ctx:{theme}:{plan}", pool)

    def day(self, theme: str | None) -> date:
        """A date in the window; bank_sync leans heavily on the last three weeks."""
        lo, hi = START, END
        if theme == BANK:
            if self.chance(0.6):
                lo = SPIKE_START
            else:
                hi = SPIKE_START - timedelta(days=1)
        return lo + timedelta(days=self.rng.randint(0, (hi - lo).days))

    def person(self, company_ok: bool = True) -> Person:
        """A new customer with a unique name, address, phone and UTC offset."""
        while True:
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            if f"{first} {last}" not in self.names:
                break
        self.names.add(f"{first} {last}")
        f, la = ascii_slug(first), ascii_slug(last)
        company = title = ""
        if company_ok and self.chance(0.16):
            domain, company, title = self.rng.choice(COMPANIES)
            local = f"{f}.{la}" if self.chance(0.5) else f"{f[0]}{la}"
        else:
            domains, weights = zip(*FREE_DOMAINS, strict=True)
            domain = self.rng.choices(domains, weights)[0]
            local = self.rng.choice(
                [
                    f"{f}.{la}",
                    f"{f}{la}",
                    f"{f}.{la}{self.rng.randint(2, 99)}",
                    f"{f[0]}{la}",
                    f"{f}_{la[:3]}{self.rng.randint(70, 99)}",
                ]
            )
        area = self.rng.choice(["415", "312", "646", "503", "617", "206", "512"])
        phone = f"+1 ({area}) 555-01{self.rng.randint(10, 99)}"
        if domain.endswith(".uk"):
            phone = f"+44 20 7946 0{self.rng.randint(100, 999)}"
        return Person(
            first,
            last,
            f"{local}@{domain}",
            domain,
            company,
            title,
            phone,
            self.rng.choice(TIMEZONES),
        )

    def add(self, source: str, file: str, ref: str, label: str, day: date | None) -> None:
        """Record one customer item."""
        self.items.append(Item(source, file, ref, label, day))

    # ---- emails ----------------------------------------------------------------------------

    def signoff(self, p: Person) -> str:
        """A sign-off and signature block in one of several real-world styles."""
        if p.company and self.chance(0.75):
            return f"Best regards,\n{p.first}\n\n-- \n{p.name}\n{p.title}, {p.company}\n{p.phone}"
        styles = [
            f"Thanks,\n{p.first}",
            f"Thanks,\n{p.first}\n\nSent from my iPhone",
            f"{p.first}\n\nGet Outlook for Android",
            f"Cheers,\n{p.first}",
            "",
            "Sent from my iPhone",
            f"Thank you,\n{p.name}",
            f"Best,\n{p.first}",
            f"Regards,\n{p.name}\n\nSent from Yahoo Mail on Android",
        ]
        return styles[self.pick_index("signoff", len(styles))]

    def mail_body(self, p: Person, paras: list[str], wrap: bool) -> str:
        """Greeting, paragraphs (wrapped at 72 unless ``wrap`` is false) and sign-off."""
        parts: list[str] = []
        greeting = self.pick("greeting", GREETINGS)
        if greeting:
            parts.append(greeting)
        parts += [textwrap.fill(x, 72) if wrap else x for x in paras if x]
        sign = self.signoff(p)
        if sign:
            parts.append(sign)
        return "\n\n".join(parts) + "\n"

    def email_paras(self, label: str, pii: str = "", p: Person | None = None) -> list[str]:
        """Paragraphs of a new customer message carrying ``label``."""
        if label in THEMES:

            def make() -> str:
                parts = [self.pick(f"ctx:{label}", CONTEXT[label])] if self.chance(0.35) else []
                parts += self.cores(label, 2 if self.chance(0.35) else 1)
                return join(parts)

            paras = [self.unique(make)]
            if self.chance(0.25):
                paras.append(self.pick("tail", TAILS))
            if pii:
                slug = ascii_slug(p.first) if p else "me"
                paras.append(PII_SENTENCES[pii].format(slug=slug))
            ask = self.pick("ask", ASKS)
            if ask:
                paras.append(ask)
            return paras
        if label == "praise":

            def make_praise() -> str:
                n = self.rng.choice([1, 2, 2, 3])
                return join([self.pick("praise", PRAISE) for _ in range(n)])

            paras = [self.unique(make_praise)]
            if self.chance(0.5):
                paras.append(
                    self.rng.choice(
                        ["Keep up the good work!", "Thank you!", "Just wanted you to know."]
                    )
                )
            return paras
        raise ValueError(label)

    def build_emails(self) -> list[Mail]:
        """Customer messages, agent replies, follow-ups and one auto-reply, in date order."""
        labels: list[str] = []
        for theme, t in THEMES.items():
            n = t.split[1] - EML_THEMES.get(theme, 0) - FOLLOW_THEMES.count(theme)
            labels += [theme] * n
        labels += ["praise"] * N_PRAISE_MAILS + ["neutral"] * N_NEUTRAL_MAILS
        pii_for = {DOUBLE: "card", BANK: "phone", CANCEL: "email", "neutral": "uk_phone"}
        mails: list[Mail] = []
        initial: list[Mail] = []
        for label in labels:
            p = self.person()
            d = self.day(label if label in THEMES else None)
            tz = timezone(timedelta(hours=p.tz))
            dt = datetime(
                d.year,
                d.month,
                d.day,
                self.rng.randint(7, 22),
                self.rng.randint(0, 59),
                self.rng.randint(0, 59),
                tzinfo=tz,
            )
            wrap = self.chance(0.8)
            if label == "neutral":
                i = self.pick_index("neutral_q", len(NEUTRAL_QUESTIONS))
                text, subject = NEUTRAL_QUESTIONS[i]
                self.seen.add(" ".join(text.lower().split()))
                paras = [text]
                if pii_for.pop("neutral", ""):
                    paras.append("My number is +44 7700 900461 if a call is easier.")
                if self.chance(0.4):
                    paras.append("Thanks!")
            else:
                pii = pii_for.pop(label, "")
                paras = self.email_paras(label, pii, p)
                subject = self.pick(f"subj:{label}", SUBJECTS[label])
            body = self.mail_body(p, paras, wrap)
            m = Mail("customer", p.name, p.addr, SUPPORT, dt, subject, body, label, person=p)
            initial.append(m)
            mails.append(m)

        def choose(ok: Callable[[Mail], bool]) -> Mail:
            cands = [m for m in initial if m not in taken and ok(m)]
            m = self.rng.choice(cands)
            taken.append(m)
            return m

        late = date(2026, 10, 25)
        taken: list[Mail] = []
        follow = [
            choose(lambda m, th=th: m.label == th and m.dt.date() <= late) for th in FOLLOW_THEMES
        ]
        thanks = [choose(lambda m: m.label in THEMES and m.dt.date() <= late) for _ in range(2)]
        auto = choose(lambda m: bool(m.person and m.person.company) and m.dt.date() <= late)
        extra = [choose(lambda m: m.dt.date() <= late) for _ in range(N_EXTRA_REPLIES)]

        replies: dict[int, Mail] = {}
        for m in follow + thanks + [auto] + extra:
            replies[id(m)] = self.agent_reply(m)
            mails.append(replies[id(m)])
        for i, (m, theme) in enumerate(zip(follow, FOLLOW_THEMES, strict=True)):
            mails.append(self.followup(replies[id(m)], theme, outlook=i == OUTLOOK_FOLLOWUP))
        for m in thanks:
            mails.append(self.followup(replies[id(m)], "praise"))
        mails.append(self.auto_reply(replies[id(auto)]))
        mails.sort(key=lambda m: m.dt.astimezone(UTC))
        counters: Counter[str] = Counter()
        for m in mails:
            prefix = {"customer": "cust", "followup": "cust", "agent": "agent"}.get(m.kind, "auto")
            counters[prefix] += 1
            host = "ledgerly.com" if m.kind == "agent" else f"mail.{m.addr.split('@')[1]}"
            m.msgid = f"{prefix}-{counters[prefix]:04d}@{host}"
            if m.label:
                self.add("email", "emails/inbox.mbox", m.msgid, m.label, m.dt.date())
        return mails

    def agent_reply(self, m: Mail) -> Mail:
        """A support agent's answer to customer message ``m``."""
        assert m.person is not None
        if m.label in {DOUBLE, PROMO} and self.chance(0.5):
            agent = AGENTS[3]
        else:
            agent = AGENTS[self.pick_index("agent", 3)]
        dt = (m.dt + timedelta(hours=self.rng.uniform(1.5, 20))).astimezone(AGENT_TZ)
        dt = dt.replace(microsecond=0)
        text = textwrap.fill(AGENT_TEXT[m.label], 72)
        body = f"Hi {m.person.first},\n\n{text}\n\nBest,\n{agent[2]}\nLedgerly Support\n"
        if self.chance(0.5):
            body += f"\n{gmail_attribution(m.dt, m.name, m.addr)}\n{quote(m.body)}\n"
        return Mail(
            "agent",
            agent[0],
            agent[1],
            f"{m.name} <{m.addr}>",
            dt,
            f"Re: {m.subject}",
            body,
            parent=m,
            person=m.person,
            signer=agent[2],
        )

    def followup(self, reply: Mail, label: str, outlook: bool = False) -> Mail:
        """The customer's answer to an agent ``reply``: new text over the quoted reply."""
        p = reply.person
        assert p is not None and reply.parent is not None
        tz = timezone(timedelta(hours=p.tz))
        dt = (reply.dt + timedelta(hours=self.rng.uniform(5, 60))).astimezone(tz)
        dt = dt.replace(microsecond=0)
        if label == "praise":
            new = self.pick("thanks", PRAISE_FOLLOWUP).format(agent=reply.signer)
            self.seen.add(" ".join(new.lower().split()))
        else:

            def make() -> str:
                text = self.pick(f"fu:{label}", FOLLOWUP[label])
                if self.chance(0.5):
                    text = join([text, self.cores(label, 1)[0]])
                return text

            new = self.unique(make)
        sign = f"Thanks,\n{p.first}" if self.chance(0.6) else f"{p.first}\n\nSent from my iPhone"
        if outlook:
            sign = f"Thanks,\n{p.name}"
        subject = reply.parent.subject
        if outlook:
            body = (
                f"{textwrap.fill(new, 72)}\n\n{sign}\n\n-----Original Message-----\n"
                f"From: {reply.name} <{reply.addr}>\nSent: {outlook_sent(reply.dt)}\n"
                f"To: {p.name} <{p.addr}>\nSubject: {reply.subject}\n\n{reply.body}"
            )
            subject = f"RE: {subject}"
        else:
            body = (
                f"{textwrap.fill(new, 72)}\n\n{sign}\n\n"
                f"{gmail_attribution(reply.dt, reply.name, reply.addr)}\n{quote(reply.body)}\n"
            )
            subject = f"Re: {subject}"
        return Mail(
            "followup", p.name, p.addr, SUPPORT, dt, subject, body, label, parent=reply, person=p
        )

    def auto_reply(self, reply: Mail) -> Mail:
        """An out-of-office answer from the customer's mailbox (not a customer item)."""
        p = reply.person
        assert p is not None and reply.parent is not None
        dt = (reply.dt + timedelta(minutes=2)).astimezone(timezone(timedelta(hours=p.tz)))
        back = dt.date() + timedelta(days=(7 - dt.weekday()) % 7 or 7)
        away = (
            "Thank you for your message. I am out of the office until "
            f"{DAYS[back.weekday()]} {back.day} {MONTHS[back.month - 1]} with limited access to "
            "email. For anything urgent, please contact the front desk on +1 (503) 555-0100."
        )
        body = f"{textwrap.fill(away, 72)}\n\n{p.name}\n{p.company}\n"
        m = Mail(
            "auto",
            p.name,
            p.addr,
            SUPPORT,
            dt,
            f"Out of Office: Re: {reply.parent.subject}",
            body,
            parent=reply,
            person=p,
        )
        return m

    def write_mbox(self, mails: list[Mail], path: Path) -> None:
        """Render ``mails`` as RFC 5322 messages into a fresh mbox file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        box = mailbox.mbox(str(path))
        for m in mails:
            msg = EmailMessage()
            msg["From"] = f"{m.name} <{m.addr}>"
            msg["To"] = m.to
            msg["Subject"] = m.subject
            msg["Date"] = format_datetime(m.dt)
            msg["Message-ID"] = f"<{m.msgid}>"
            if m.parent is not None:
                chain: list[str] = []
                node: Mail | None = m.parent
                while node is not None:
                    chain.insert(0, f"<{node.msgid}>")
                    node = node.parent
                msg["In-Reply-To"] = chain[-1]
                msg["References"] = " ".join(chain)
            if m.kind == "auto":
                msg["Auto-Submitted"] = "auto-replied"
                msg["X-Autoreply"] = "yes"
            msg.set_content(m.body)
            mm = mailbox.mboxMessage(msg)
            mm.set_from(m.addr, m.dt.astimezone(UTC).timetuple())
            box.add(mm)
        box.flush()
        box.close()

    # ---- standalone .eml files ---------------------------------------------------------------

    def write_emls(self, folder: Path) -> None:
        """Four single messages exercising HTML, multipart, quoted-printable and base64 bodies."""
        for old in folder.glob("*.eml"):
            old.unlink()
        html_only = textwrap.dedent("""\
            <html>
            <head>
            <style type="text/css">
              body { font-family: Helvetica, Arial, sans-serif; font-size: 15px; }
              p { margin: 0 0 12px 0; }
              .sig { color: #8a8a8a; font-size: 12px; }
            </style>
            </head>
            <body>
            <p>Hello Ledgerly team,</p>
            <p>I was charged <b>$18.00 twice</b> for our Family plan on
            October&nbsp;1st &amp; both payments are sitting on my Visa statement.<br>
            That&#39;s $36 for one month of the same subscription, and we only have
            one account.</p>
            <p>Please refund the duplicate charge &amp; make sure it doesn&#39;t
            happen again.</p>
            <p>Otherwise the shared budgets have been great for me &amp; the kids.</p>
            <p class="sig">Thanks,<br>Gwen Harlow<br>Sent from my iPad</p>
            </body>
            </html>
            """)
        msg = self.eml_headers(
            "Gwen Harlow <gwen.harlow@icloud.com>",
            "Charged twice for Family",
            datetime(2026, 10, 2, 20, 41, 9, tzinfo=timezone(-timedelta(hours=7))),
            "eml-0001@mail.icloud.com",
        )
        msg.set_content(html_only, subtype="html")
        self.save_eml(folder / "html_only.eml", msg, DOUBLE)

        text = textwrap.dedent("""\
            Hi,

            I have been trying to cancel my Premium subscription since Sunday. The
            "Manage subscription" screen only offers me a pause or a 40% discount,
            and when I decline both it sends me straight back to the start. There
            is no cancel button anywhere that I can find.

            Please cancel it for me and confirm by email. I do not want another
            offer.

            Thank you,
            Tobias

            --\x20
            Tobias Lindgren
            Lindgren Studio AB
            +46 8 555 010 27
            """)
        html = textwrap.dedent("""\
            <html><body>
            <div>Hi,</div><div><br></div>
            <div>I have been trying to cancel my Premium subscription since Sunday.
            The &quot;Manage subscription&quot; screen only offers me a pause or a
            40% discount, and when I decline both it sends me straight back to the
            start. There is no cancel button anywhere that I can find.</div>
            <div><br></div>
            <div>Please cancel it for me and confirm by email. I do not want
            another offer.</div>
            <div><br></div><div>Thank you,<br>Tobias</div><div><br></div>
            <div class="signature">-- <br>Tobias Lindgren<br>Lindgren Studio AB<br>
            +46 8 555 010 27</div>
            </body></html>
            """)
        msg = self.eml_headers(
            "Tobias Lindgren <tobias@lindgrenstudio.se>",
            "Cancel my Premium subscription",
            datetime(2026, 9, 16, 8, 12, 44, tzinfo=timezone(timedelta(hours=2))),
            "eml-0002@mail.lindgrenstudio.se",
        )
        msg.set_content(text)
        msg.add_alternative(html, subtype="html")
        msg.set_boundary("===============ledgerly-sample-alt-0002==")
        self.save_eml(folder / "multipart_alternative.eml", msg, CANCEL)

        text = textwrap.dedent("""\
            Hello,

            I tried to buy the annual Premium plan tonight with the code RENTRÉE20 from
            your newsletter (20% off, so €115 instead of €144) and the checkout says
            "Code invalide". I tried on my phone at the café downstairs and again at
            home on my laptop — same result both times, so it's full price or nothing.

            Could you check what is happening with the code?

            Merci,
            Camille
            """)
        msg = self.eml_headers(
            "Camille Rousseau <camille.rousseau@gmail.com>",
            "Promo code refusé at checkout",
            datetime(2026, 9, 3, 21, 5, 31, tzinfo=timezone(timedelta(hours=2))),
            "eml-0003@mail.gmail.com",
        )
        msg.set_content(text, cte="quoted-printable")
        self.save_eml(folder / "quoted_printable.eml", msg, PROMO)

        text = textwrap.dedent("""\
            Hello Ledgerly team,

            I just wanted to say thank you. My husband Jürgen and I have used Ledgerly
            for six months now, and the shared budgets have made our Sunday café
            meetings about money actually pleasant. The monthly report is the first
            thing we open, and the savings goal for our trip to Zürich is almost
            complete!

            Your support team also answered a question of mine within an hour, in
            perfect German. Très impressionnant, as my French neighbour would say.

            Viele Grüße,
            Zoë Müller
            """)
        msg = self.eml_headers(
            "Zoë Müller <zoe.mueller@gmx.de>",
            "Thank you from Hamburg",
            datetime(2026, 10, 11, 10, 30, 2, tzinfo=timezone(timedelta(hours=2))),
            "eml-0004@mail.gmx.de",
        )
        msg.set_content(text, charset="iso-8859-1", cte="base64")
        self.save_eml(folder / "base64_latin1.eml", msg, "praise")

    @staticmethod
    def eml_headers(sender: str, subject: str, dt: datetime, msgid: str) -> EmailMessage:
        """A new message with the usual customer headers set."""
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = SUPPORT
        msg["Subject"] = subject
        msg["Date"] = format_datetime(dt)
        msg["Message-ID"] = f"<{msgid}>"
        return msg

    def save_eml(self, path: Path, msg: EmailMessage, label: str) -> None:
        """Write one .eml and record its item."""
        path.write_bytes(msg.as_bytes())
        day = msg["Date"].datetime.date()
        self.add("email", f"emails/{path.name}", str(msg["Message-ID"]).strip("<>"), label, day)

    # ---- interviews --------------------------------------------------------------------------

    def answer(self, slot: str, theme: str, plan: str) -> str:
        """A participant's spoken answer carrying ``theme``."""

        def make() -> str:
            if slot == "ack":
                parts = [self.pick("continue", CONTINUE)]
            else:
                parts = [self.pick(f"lead:{theme}", LEAD[theme])]
            parts += self.cores(theme, 2 if self.chance(0.4) else 1, spoken=True, plan=plan)
            if self.chance(0.25):
                parts.append(self.pick("tail", TAILS))
            return join(parts)

        return self.unique(make)

    def build_interview(self, t: Transcript, folder: Path) -> None:
        """Write one transcript (.txt or .vtt) and record its participant turns."""
        name = t.name
        email_addr = f"{ascii_slug(name)}.{self.rng.choice(['r', 'k', 'm', 'b'])}" + (
            f"{self.rng.randint(10, 99)}@gmail.com"
        )
        phone = f"({self.rng.choice(['720', '404', '619'])}) 555-01{self.rng.randint(10, 99)}"
        turns: list[tuple[str, str, str]] = []  # speaker, text, label ("" for interviewer)
        for slot, theme in t.slots:
            question = self.pick(f"q:{slot}", QUESTIONS[slot]).format(name=name)
            turns.append((t.interviewer, question, ""))
            if theme:
                turns.append((name, self.answer(slot, theme, t.plan), theme))
            else:
                pool = [a for a in PLAIN[slot] if not conflicts(a[1], t.plan)]
                label, text = pool[self.pick_index(f"plain:{slot}:{t.plan}", len(pool))]
                article = "an" if t.job[0] in "aeiou" else "a"
                text = text.format(
                    name=name,
                    job=t.job,
                    a_job=f"{article} {t.job}",
                    city=t.city,
                    email=email_addr,
                    phone=phone,
                )
                self.seen.add(" ".join(text.lower().split()))
                turns.append((name, text, label))
        turns.append((t.interviewer, self.rng.choice(CLOSINGS).format(name=name), ""))
        assert 12 <= len(turns) <= 20, (name, len(turns))

        fname = f"{name.lower()}_{t.day.isoformat()}.{t.ext}"
        times: list[tuple[float, float]] = []
        clock = round(self.rng.uniform(1.0, 4.0), 3)
        for _, text, _ in turns:
            dur = round(max(2.0, len(text.split()) / 2.6), 3)
            times.append((clock, clock + dur))
            clock = round(clock + dur + self.rng.uniform(0.4, 1.6), 3)
        lines: list[str] = []
        if t.ext == "txt":
            if t.header:
                lines += [
                    f"# Interview: {name}, {t.plan} plan",
                    f"# Date: {t.day.isoformat()}",
                    f"# Plan: {t.plan}",
                    f"# Interviewer: {t.interviewer}",
                    "",
                ]
            for (speaker, text, _), (start, _) in zip(turns, times, strict=True):
                stamp = f"[{hms(start)}] " if t.timestamps else ""
                lines.append(f"{stamp}{speaker}: {text}")
        else:
            lines += ["WEBVTT", "", f"NOTE Date: {t.day.isoformat()}, Plan: {t.plan}", ""]
            for n, ((speaker, text, _), (start, end)) in enumerate(zip(turns, times, strict=True)):
                assert not set(text) & set("<>&"), text
                if t.cue_ids:
                    lines.append(str(n + 1))
                lines += [f"{vtt_time(start)} --> {vtt_time(end)}", f"<v {speaker}>{text}</v>", ""]
            lines.pop()
        (folder / fname).write_text("\n".join(lines) + "\n", encoding="utf-8")
        for n, (speaker, _, label) in enumerate(turns, start=1):
            if speaker == name:
                self.add("transcript", f"interviews/{fname}", f"turn {n}", label, t.day)


def hms(seconds: float) -> str:
    """``HH:MM:SS`` for a transcript timestamp."""
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def vtt_time(seconds: float) -> str:
    """``HH:MM:SS.mmm`` for a WebVTT cue timing."""
    ms = round(seconds * 1000)
    return f"{hms(ms // 1000)}.{ms % 1000:03d}"


# --------------------------------------------------------------------------------------------
# Survey
# --------------------------------------------------------------------------------------------

PLANS = (["Free", "Plus", "Premium", "Family"], [30, 35, 22, 13])
PAID_PLANS = (["Plus", "Premium", "Family"], [50, 32, 18])
REGIONS = (["North America", "Europe", "APAC"], [55, 30, 15])
N_DETRACTOR, N_PASSIVE, N_PROMOTER = 40, 40, 92


def survey_join(g: Gen, parts: list[str]) -> str:
    """Join answer sentences, now and then with a line break as people type them."""
    if len(parts) > 1 and g.chance(0.15):
        return join([parts[0], join(parts[1:])], sep="\n")
    return join(parts)


def survey_finish(g: Gen, text: str) -> str:
    """Occasionally lower-case the whole answer (terse register)."""
    return text.lower() if g.chance(0.1) else text


def survey_text(
    g: Gen, kind: str, q: int, theme: str | None = None, plan: str = ""
) -> tuple[str, str]:
    """Compose one survey answer; returns (text, label)."""
    if kind == "theme":
        assert theme is not None

        def make() -> str:
            r = g.rng.random()
            if q == 2:
                if r < 0.55:
                    parts = [
                        g.pick(f"imp:{theme}", IMPERATIVE[theme]),
                        *g.cores(theme, 1, plan=plan),
                    ]
                elif r < 0.7:
                    parts = [g.pick(f"imp:{theme}", IMPERATIVE[theme])]
                else:
                    parts = g.cores(theme, 1, plan=plan)
            elif r < 0.5:
                parts = g.cores(theme, 1, plan=plan)
            elif r < 0.65:
                parts = [g.context(theme, plan), *g.cores(theme, 1, plan=plan)]
            elif r < 0.85:
                parts = g.cores(theme, 2, plan=plan)
            else:
                parts = [*g.cores(theme, 1, plan=plan), g.pick("tail", TAILS)]
            return survey_finish(g, survey_join(g, parts))

        return g.unique(make), theme
    if kind == "praise":

        def make_praise() -> str:
            first = g.pick("spraise", SURVEY_PRAISE) if g.chance(0.5) else g.pick("praise", PRAISE)
            parts = [first, g.pick("praise", PRAISE)] if g.chance(0.35) else [first]
            return survey_finish(g, survey_join(g, parts))

        return g.unique(make_praise), "praise"
    if kind == "passive":

        def make_passive() -> str:
            parts = [g.pick("passive", NEUTRAL_PASSIVE)]
            if g.chance(0.3):
                parts.append(g.pick("passive", NEUTRAL_PASSIVE))
            return survey_finish(g, survey_join(g, parts))

        return g.unique(make_passive), "neutral"
    if kind == "suggest":
        return g.unique(lambda: survey_finish(g, suggestion(g))), "neutral"
    if kind == "nothing":

        def make_nothing() -> str:
            parts = [g.pick("nothing", NOTHING_NEUTRAL)]
            if g.chance(0.5):
                parts.append(suggestion(g))
            return survey_join(g, parts)

        return g.unique(make_nothing), "neutral"
    if kind == "nothing_praise":

        def make_np() -> str:
            parts = [g.pick("nothing_p", NOTHING_PRAISE)]
            if g.chance(0.5):
                parts.append(g.pick("praise", PRAISE))
            return survey_join(g, parts)

        return g.unique(make_np), "praise"
    raise ValueError(kind)


def suggestion(g: Gen) -> str:
    """A neutral feature suggestion, sometimes two."""
    lead = g.rng.choice(SUGGESTION_LEADS)
    first = g.pick("suggest", SUGGESTIONS)
    text = lead + (lower_first(first) if lead else first)
    if g.chance(0.25):
        text += " " + g.pick("suggest", SUGGESTIONS)
    return text


def build_survey(g: Gen, path: Path) -> None:
    """Write nps_survey.csv and record every non-blank answer as an item."""
    tokens = [th for th, t in THEMES.items() for _ in range(t.split[0])]
    g.rng.shuffle(tokens)
    n_q2_detr = 12
    q1_tok = tokens[:N_DETRACTOR]
    q2_detr = tokens[N_DETRACTOR : N_DETRACTOR + n_q2_detr]
    q2_pass = tokens[N_DETRACTOR + n_q2_detr :]
    Slot = tuple[str, str | None]
    rows: list[tuple[str, Slot, Slot]] = []

    detr_q2: list[Slot] = [("theme", th) for th in q2_detr]
    detr_q2 += [("blank", None)] * 10
    detr_q2 += [("suggest", None)] * (N_DETRACTOR - len(detr_q2))
    g.rng.shuffle(detr_q2)
    rows += [("detractor", ("theme", th), q2) for th, q2 in zip(q1_tok, detr_q2, strict=True)]

    pass_q2: list[Slot] = [("theme", th) for th in q2_pass] + [("blank", None)] * 2
    pass_q2 += [("suggest", None)] * (N_PASSIVE - len(pass_q2))
    g.rng.shuffle(pass_q2)
    pass_rows = [("passive", ("passive", None), q2) for q2 in pass_q2]

    kinds = ["blank"] * 14 + ["suggest"] * 43 + ["nothing"] * 15
    kinds += ["nothing_praise"] * (N_PROMOTER - len(kinds))
    g.rng.shuffle(kinds)
    promo_rows = [("promoter", ("praise", None), (k, None)) for k in kinds]
    for group, n in ((pass_rows, 2), (promo_rows, 2)):
        ok = [i for i, r in enumerate(group) if r[2][0] != "blank"]
        for i in g.rng.sample(ok, n):
            group[i] = (group[i][0], ("blank", None), group[i][2])
    rows += pass_rows + promo_rows
    g.rng.shuffle(rows)

    built: list[tuple[date, int, dict[str, str], str, str]] = []
    pii_left = ["phone", "email"]
    for seq, (segment, (k1, th1), (k2, th2)) in enumerate(rows):
        p = g.person(company_ok=False)
        themes = {t for t in (th1, th2) if t}
        plan = g.rng.choices(*(PAID_PLANS if themes & PAID_THEMES else PLANS))[0]
        a1, l1 = survey_text(g, k1, 1, th1, plan) if k1 != "blank" else ("", "")
        a2, l2 = survey_text(g, k2, 2, th2, plan) if k2 != "blank" else ("", "")
        if k1 == "theme" and pii_left:
            what = pii_left.pop()
            a1 += (
                " You can reach me at (646) 555-0175."
                if what == "phone"
                else (f" Email me at {p.addr} if you need details.")
            )
        if segment == "detractor":
            nps = 7 if g.chance(0.04) else g.rng.choice([0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6])
        elif segment == "passive":
            nps = g.rng.choice([6, 7, 7]) if themes else g.rng.choice([7, 8])
        else:
            nps = 10 if g.chance(0.6) else 9
        day = g.day(th1 or th2)
        row = {
            "email": p.addr,
            "plan": plan,
            "region": g.rng.choices(*REGIONS)[0],
            "nps": str(nps),
            SURVEY_Q1: a1,
            SURVEY_Q2: a2,
        }
        built.append((day, seq, row, l1, l2))
    built.sort(key=lambda b: (b[0], b[1]))

    header = [
        "respondent_id",
        "submitted_at",
        "email",
        "plan",
        "region",
        "nps",
        SURVEY_Q1,
        SURVEY_Q2,
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for n, (day, _, row, l1, l2) in enumerate(built, start=1):
            writer.writerow([f"R{n:04d}", day.isoformat(), *(row[h] for h in header[2:])])
            for question, label in ((SURVEY_Q1, l1), (SURVEY_Q2, l2)):
                if label:
                    g.add("survey", "survey/nps_survey.csv", f"row {n}: {question}", label, day)
                    if "\n" in row[question]:
                        g.line_breaks += 1


# --------------------------------------------------------------------------------------------
# Ground truth, README, checks
# --------------------------------------------------------------------------------------------


def check(g: Gen, mails: list[Mail]) -> None:
    """Fail loudly if the generated data drifts from the documented targets."""
    counts = Counter((i.label, i.source) for i in g.items)
    for theme, t in THEMES.items():
        got = tuple(counts[(theme, s)] for s in ("survey", "email", "transcript"))
        assert got == t.split, (theme, got, t.split)
        assert sum(got) == t.target
    labels = Counter(i.label for i in g.items)
    assert labels["praise"] >= 45 and labels["neutral"] >= 30, labels
    refs = [(i.file, i.ref) for i in g.items]
    assert len(refs) == len(set(refs))
    customers = [m for m in mails if m.kind in {"customer", "followup"}]
    assert len(customers) >= 70, len(customers)
    assert sum(m.kind == "auto" for m in mails) == 1
    assert g.line_breaks >= 3, g.line_breaks


def write_ground_truth(g: Gen, path: Path) -> None:
    """``.ground_truth.csv``: one row per (item, planted theme)."""
    rows = sorted((i for i in g.items if i.label in THEMES), key=lambda i: i.file)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "ref", "theme", "stage"])
        for i in rows:
            writer.writerow([i.file, i.ref, i.label, THEMES[i.label].stage])


def write_readme(g: Gen, mails: list[Mail], path: Path) -> None:
    """README.md with every count computed from the generated items."""
    by = Counter((i.label, i.source) for i in g.items)
    files = Counter(i.file for i in g.items)
    n_agent = sum(m.kind == "agent" for m in mails)
    n_cust = sum(m.kind == "customer" for m in mails)
    n_follow = sum(m.kind == "followup" for m in mails)
    n_themed_follow = sum(m.kind == "followup" and m.label in THEMES for m in mails)
    survey_rows = max(int(i.ref.split(":")[0].split()[1]) for i in g.items if i.source == "survey")
    bank = [i for i in g.items if i.label == BANK]
    bank_late = sum(1 for i in bank if i.day and i.day >= SPIKE_START)
    transcripts = sorted(f for f in files if f.startswith("interviews/"))

    def row(*cells: object) -> str:
        return "| " + " | ".join(str(c) for c in cells) + " |"

    theme_rows = [
        row(
            f"`{tid}`",
            t.description,
            t.stage,
            by[(tid, "email")] + by[(tid, "transcript")] + by[(tid, "survey")],
            by[(tid, "email")],
            by[(tid, "transcript")],
            by[(tid, "survey")],
        )
        for tid, t in THEMES.items()
    ]
    total = {s: sum(by[(tid, s)] for tid in THEMES) for s in SOURCES}
    theme_rows.append(
        row(
            "**total**",
            "",
            "",
            sum(total.values()),
            total["email"],
            total["transcript"],
            total["survey"],
        )
    )
    other_rows = [
        row(label, sum(by[(label, s)] for s in SOURCES), *(by[(label, s)] for s in SOURCES))
        for label in ("praise", "neutral")
    ]
    all_items = Counter(i.source for i in g.items)
    other_rows.append(row("**all items**", len(g.items), *(all_items[s] for s in SOURCES)))
    transcript_rows = [
        row(
            f"`{f}`",
            t.interviewer,
            t.name,
            t.plan,
            t.day.isoformat(),
            "txt, timestamped turns"
            if t.timestamps
            else (
                "txt, no `#` header"
                if t.ext == "txt" and not t.header
                else ("vtt, numbered cues" if t.cue_ids else t.ext)
            ),
            files[f],
        )
        for t in TRANSCRIPTS
        for f in [f"interviews/{t.name.lower()}_{t.day.isoformat()}.{t.ext}"]
    ]
    assert sorted(f for f in files if f.startswith("interviews/")) == transcripts

    files_table = "\n".join(
        [
            row("path", "what"),
            "|---|---|",
            row(
                "`emails/inbox.mbox`",
                f"{len(mails)} RFC 5322 messages in date order: {n_cust} new customer messages, "
                f"{n_agent} agent replies, {n_follow} customer follow-ups "
                f"({n_themed_follow} restate a theme, the rest thank the agent) and 1 "
                "out-of-office auto-reply",
            ),
            row(
                "`emails/html_only.eml`",
                "`text/html` only: `<style>` block, `<p>`, `<br>`, `&amp;`, `&nbsp;`, `&#39;` "
                "(theme `double_billing`)",
            ),
            row(
                "`emails/multipart_alternative.eml`",
                "`multipart/alternative`, text + HTML, signature after `-- ` "
                "(theme `cancellation`)",
            ),
            row(
                "`emails/quoted_printable.eml`",
                "UTF-8, quoted-printable body with é, €, — (theme `promo_code`)",
            ),
            row(
                "`emails/base64_latin1.eml`",
                'base64 body, `charset="iso-8859-1"` with ü, é, ë (praise)',
            ),
            row(
                "`interviews/*.txt`, `interviews/*.vtt`",
                f"{len(TRANSCRIPTS)} customer interviews, one participant each (table below)",
            ),
            row("`survey/nps_survey.csv`", f"{survey_rows} NPS responses, two open questions"),
            row(
                "`.ground_truth.csv`",
                "hidden on purpose so folder scans skip it: `file,ref,theme,stage`, one row per "
                "(item, planted theme)",
            ),
            row("`generate.py`", "writes all of the above"),
        ]
    )
    refs_table = "\n".join(
        [
            row("source", "`file`", "`ref`"),
            "|---|---|---|",
            row(
                "mbox / eml",
                "`emails/inbox.mbox`, `emails/<name>.eml`",
                "the `Message-ID` header without `<` `>`, e.g. `cust-0007@mail.gmail.com`",
            ),
            row(
                "transcript",
                "`interviews/<name>.txt` / `.vtt`",
                "`turn N`: N is the 1-based index of the speaker turn in the file, interviewer and "
                "participant turns alike",
            ),
            row(
                "survey",
                "`survey/nps_survey.csv`",
                "`row N: <column header>`: N is the 1-based data row (first row after the "
                f"header is 1), e.g. `row 12: {SURVEY_Q1}`",
            ),
        ]
    )
    text = f"""# Ledgerly sample dataset

Realistic, fully synthetic voice-of-customer data for **Ledgerly**, a fictional personal-finance
and budgeting app (iOS, Android, web) with four plans: Free, Plus ($6/mo), Premium ($12/mo) and
Family ($18/mo). Support agents write from `@ledgerly.com` addresses. Everything is dated between
{START.isoformat()} and {END.isoformat()} (13 weeks). The end-to-end tests use it as ground truth:
voc should find the planted friction themes below, at the right journey stage, in every source.

Every name, address, phone number and message is invented. The only card number is the standard
Visa test number `4111 1111 1111 1111`.

**Do not edit these files by hand.** They are written by `generate.py` (stdlib only, seeded with
`random.Random({SEED})`, byte-identical on every run). This README is generated too, so its
counts are always those of the data:

```sh
python data/sample/generate.py      # from the repo root, or from anywhere
```

## Files

{files_table}

## Planted friction themes

Each themed item carries exactly one theme; "items" counts items (an e-mail, a participant turn, a
survey answer), not sentences. A themed e-mail follow-up is its own item.

| theme id | description | stage | items | email | transcript | survey |
|---|---|---|---:|---:|---:|---:|
{chr(10).join(theme_rows)}

Trend: {bank_late} of the {len(bank)} `bank_sync` items are dated {SPIKE_START.isoformat()} or
later (the last three weeks); the other themes are spread evenly over the 13 weeks.

## Items without a theme

Every other customer item is praise or neutral (questions such as "Is there a way to export to
CSV?", feature suggestions, "No complaints"). Neither contains friction.

| label | items | email | transcript | survey |
|---|---:|---:|---:|---:|
{chr(10).join(other_rows)}

Not items at all (no ground-truth rows; readers should reject them as `skipped`): the {n_agent}
agent replies (From an `@ledgerly.com` address), the auto-reply (`Auto-Submitted: auto-replied`,
subject `Out of Office: Re: ...`, sent from a customer address), interviewer turns, and blank
survey answers.

## Interviews

Interviewers are Maya and Tom; every file alternates interviewer / participant, starting with the
interviewer and ending with the interviewer's thanks. One turn is one line (`.txt`) or one cue
(`.vtt`, `<v Name>...</v>`); `#` header lines and the `WEBVTT` / `NOTE` blocks are not turns.

| file | interviewer | participant | plan | date | format | participant turns |
|---|---|---|---|---|---|---:|
{chr(10).join(transcript_rows)}

## Survey

Columns: `respondent_id` (R0001...), `submitted_at` (YYYY-MM-DD, rows in date order), `email`,
`plan`, `region` (North America / Europe / APAC), `nps` (0-10) and the two questions
`{SURVEY_Q1}` and `{SURVEY_Q2}`. Each non-blank answer is one item. About 15% of second answers
and a few first answers are blank; {g.line_breaks} answers contain a line break, many contain
commas and double quotes (standard CSV quoting). NPS follows content: answers with a theme come
mostly from 0-6 scorers, praise from 9-10, neutral from 7-8.

## Ref conventions (what ingest must produce)

{refs_table}

`stage` in `.ground_truth.csv` is the theme's stage from the table above.

## Things the readers must handle

- **Customer text only.** Strip quoted history from follow-ups: Gmail style (`On Tue, 8 Sep 2026
  at 10:14, Priya at Ledgerly <support@ledgerly.com> wrote:` then `> ` lines, nested `> >` when
  the agent had quoted the customer) and one Outlook style (`-----Original Message-----` then a
  `From:/Sent:/To:/Subject:` block and the old text, unprefixed).
- **Signatures and sign-offs:** `-- ` delimiter blocks (name, title, company, phone), `Thanks,` /
  `Cheers,` / `Best regards,` + name, `Sent from my iPhone`, `Get Outlook for Android`,
  `Sent from Yahoo Mail on Android`.
- **Encodings:** most mbox bodies are 7bit wrapped at 72 columns; about one in five has long
  unwrapped lines and is quoted-printable; display names with non-ASCII characters use RFC 2047
  encoded words. The `.eml` files cover HTML-only, multipart/alternative, quoted-printable UTF-8
  and base64 ISO-8859-1.
- **Threads:** agent replies and follow-ups carry `In-Reply-To` and `References`; message ids are
  `cust-NNNN@mail.<domain>` (customers, numbered in date order), `agent-NNNN@ledgerly.com` and
  `auto-NNNN@mail.<domain>`.
- **PII for redaction tests:** the card number `4111 1111 1111 1111`, US/UK phone numbers and
  extra e-mail addresses appear in e-mail bodies, signatures, interview answers (participants
  also say their own name) and two survey answers; the survey `email` column is PII too.
- **VTT:** one file has numeric cue identifiers before the timings; the `NOTE` line holds the
  date and plan (`NOTE Date: 2026-09-20, Plan: Plus`). One `.txt` has `[HH:MM:SS]` timestamps
  before the speaker and one has no `#` header (no date available).
"""
    path.write_text(text, encoding="utf-8")


def main() -> None:
    """Regenerate every sample file, the ground truth and the README."""
    g = Gen()
    emails = HERE / "emails"
    interviews = HERE / "interviews"
    for folder in (emails, interviews, HERE / "survey"):
        folder.mkdir(parents=True, exist_ok=True)
    g.write_emls(emails)
    mails = g.build_emails()
    g.write_mbox(mails, emails / "inbox.mbox")
    for old in [*interviews.glob("*.txt"), *interviews.glob("*.vtt")]:
        old.unlink()
    for t in TRANSCRIPTS:
        g.build_interview(t, interviews)
    build_survey(g, HERE / "survey" / "nps_survey.csv")
    check(g, mails)
    write_ground_truth(g, HERE / ".ground_truth.csv")
    write_readme(g, mails, HERE / "README.md")
    labels = Counter(i.label for i in g.items)
    print(
        f"wrote {len(g.items)} items: " + ", ".join(f"{k}={v}" for k, v in sorted(labels.items()))
    )


if __name__ == "__main__":
    main()
