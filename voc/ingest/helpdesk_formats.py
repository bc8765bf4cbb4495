"""Helpdesk export formats, as documented by each vendor, to :class:`Message` lists.

- Zendesk JSON: ``{"tickets": [...], "users": [...]}`` (API with ``include=users``), a JSON
  list or JSON Lines of tickets (full JSON export), each ticket with ``comments``
  (``author_id``, ``body``/``html_body``, ``public``); a comment's author is the customer
  when it is the requester, or a user whose ``role`` is ``end-user``.
- Zendesk CSV: ``Id, Requester, Requester email, Subject, Description, Created at, ...``.
- Freshdesk CSV: ``Ticket ID, Subject, Description, Status, ..., Created time, Full name``.
- Intercom: ``{"type": "conversation.list", "conversations": [...]}`` or one conversation;
  ``source`` plus ``conversation_parts`` with ``author.type`` user/lead/admin/bot.
- Help Scout (Mailbox API 2.0): ``{"_embedded": {"conversations": [...]}}`` with
  ``_embedded.threads`` typed customer/reply/message/note/chat/phone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from voc.ingest.helpdesk import CUSTOMER_ROLES, Message, to_datetime, to_score
from voc.ingest.survey_columns import _is_attribute, norm, strip_cells

_ZENDESK_CSV = {"id", "requester", "subject", "created_at"}
_FRESHDESK_CSV = {"ticket_id", "subject", "created_time"}


def csv_format(header: str) -> str | None:
    """``zendesk`` / ``freshdesk`` from a CSV header line, else None."""
    cols = {norm(c.strip().strip('"')) for c in re.split(r"[,;\t]", header)}
    if cols >= _FRESHDESK_CSV:
        return "freshdesk"
    if cols >= _ZENDESK_CSV and ({"description", "requester_email"} & cols):
        return "zendesk"
    return None


def json_format(data: Any) -> str | None:
    """``zendesk`` / ``intercom`` / ``helpscout`` from a parsed JSON document, else None."""
    if isinstance(data, dict):
        if "_embedded" in data and "conversations" in (data.get("_embedded") or {}):
            return "helpscout"
        if (
            data.get("type") in ("conversation.list", "conversation")
            or "conversation_parts" in data
        ):
            return "intercom"
        if "tickets" in data or "ticket" in data:
            return "zendesk"
        return None
    if isinstance(data, list) and data:
        first = next((r for r in data if isinstance(r, dict)), None)
        if first is None:
            return None
        if "comments" in first and ("requester_id" in first or "subject" in first):
            return "zendesk"
        if first.get("type") == "conversation" or "conversation_parts" in first:
            return "intercom"
        if "threads" in first or "_embedded" in first:
            return "helpscout"
    return None


# Freshdesk's standard ticket columns (normalised); any other column is a custom field.
_FRESHDESK_STANDARD = {
    "ticket_id", "subject", "description", "status", "priority", "source", "type", "agent",
    "group", "created_time", "due_by_time", "resolved_time", "closed_time", "last_update_time",
    "last_updated_time", "initial_response_time", "time_tracked", "first_response_time_in_hrs",
    "resolution_time_in_hrs", "agent_interactions", "customer_interactions", "resolution_status",
    "first_response_status", "tags", "survey_results", "customer_satisfaction", "skill",
    "association_type", "every_response_status", "product", "full_name", "email", "contact_id",
    "work_phone", "mobile_phone", "twitter_id", "facebook_id", "company_name",
}  # fmt: skip


def custom_attribute_columns(df: pd.DataFrame, standard: set[str]) -> list[str]:
    """Non-standard columns that look like segments (plan, region, tier): few distinct
    values, no personal data; the custom fields a helpdesk export appends."""
    out = []
    for c in df.columns:
        if norm(c) in standard:
            continue
        values = strip_cells(df[c].astype(str).to_frame()).iloc[:, 0]
        values = values[(values != "") & (values.str.lower() != "nan")]
        if _is_attribute(str(c), values, len(df)):
            out.append(c)
    return out


def _s(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _attrs(pairs: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in pairs.items():
        if isinstance(v, list):
            v = ", ".join(_s(x.get("tag") if isinstance(x, dict) else x) for x in v)
        if _s(v):
            out[norm(k)] = _s(v)
    return out


# ---------------------------------------------------------------- Zendesk


def zendesk_json(data: Any) -> list[Message]:
    """Tickets with comments; the ticket description is the first comment in Zendesk."""
    if isinstance(data, dict):
        tickets = data.get("tickets") or ([data["ticket"]] if data.get("ticket") else [])
        users = {u.get("id"): u for u in data.get("users") or [] if isinstance(u, dict)}
        # field titles, when the export carries the ticket_fields list beside the tickets
        titles = {
            f.get("id"): _s(f.get("title"))
            for f in data.get("ticket_fields") or []
            if isinstance(f, dict) and _s(f.get("title"))
        }
    else:
        tickets, users, titles = data, {}, {}
    out: list[Message] = []
    for t_index, ticket in enumerate(tickets, start=1):
        if not isinstance(ticket, dict):
            continue
        tid = _s(ticket.get("id")) or f"#{t_index}"
        requester = ticket.get("requester_id")
        req_user = users.get(requester) or ticket.get("requester") or {}
        attrs = _attrs(
            {k: ticket.get(k) for k in ("type", "priority", "status", "tags") if k in ticket}
        )
        via = ticket.get("via")
        if isinstance(via, dict) and _s(via.get("channel")):
            attrs["channel"] = _s(via.get("channel"))
        for f in ticket.get("custom_fields") or []:
            if isinstance(f, dict) and f.get("value") not in (None, "", False):
                key = norm(titles.get(f.get("id"), "")) or f"field_{f.get('id')}"
                attrs[key] = _s(f.get("value"))
        rating = (ticket.get("satisfaction_rating") or {}).get("score")
        score = {"good": 5.0, "bad": 1.0}.get(_s(rating).lower())
        comments = ticket.get("comments")
        if not comments:
            comments = [{"author_id": requester, "body": ticket.get("description", "")}]
        for c_index, c in enumerate(comments, start=1):
            author_id = c.get("author_id")
            author = users.get(author_id) or c.get("author") or {}
            role_name = _s(author.get("role")).lower()
            if author_id is not None and author_id == requester or role_name in CUSTOMER_ROLES:
                role = "customer"
            else:
                role = "agent"
            if c.get("public") is False:
                role = "note"
            html = c.get("html_body")
            body = c.get("plain_body") or c.get("body") or ""
            out.append(
                Message(
                    ref=f"ticket {tid} comment {c_index}",
                    text=_s(html) if html and not body else _s(body),
                    html=bool(html) and not body,
                    role=role,
                    author=_s(author.get("email") or req_user.get("email") or author_id),
                    names=[n for n in (_s(author.get("name")), _s(req_user.get("name"))) if n],
                    created_at=to_datetime(c.get("created_at") or ticket.get("created_at")),
                    thread=f"zendesk {tid}",
                    question=_s(ticket.get("subject")),
                    score=score,
                    score_kind="csat" if score is not None else "",
                    attributes=dict(attrs),
                )
            )
    return out


def _more_names(get: Any, row: dict[str, str]) -> tuple[str, ...]:
    """Other person-name columns of a ticket export (requester / contact / submitter)."""
    return tuple(get(row, n) for n in ("requester_name", "contact_name", "customer_name",
                                       "submitter", "contact"))


def zendesk_csv(df: pd.DataFrame) -> list[Message]:
    """Zendesk ticket CSV export: one row per ticket, the description is the customer's."""
    col = {norm(c): c for c in df.columns}

    def get(row: dict[str, str], *names: str) -> str:
        for n in names:
            if n in col and row.get(col[n]):
                return row[col[n]]
        return ""

    out: list[Message] = []
    for i, row in enumerate(df.to_dict("records"), start=1):
        tid = get(row, "id") or str(i)
        attrs = {
            k: get(row, k)
            for k in ("ticket_type", "priority", "status", "group", "organization", "tags", "via")
            if get(row, k)
        }
        sat = get(row, "satisfaction_score").lower()
        score = {"good": 5.0, "bad": 1.0}.get(sat)
        out.append(
            Message(
                ref=f"row {i} (ticket {tid})",
                text=get(row, "description", "comment", "body"),
                author=get(row, "requester_email", "requester_id", "requester"),
                names=[n for n in (get(row, "requester"), get(row, "assignee"),
                                   *_more_names(get, row)) if n],
                created_at=to_datetime(get(row, "created_at")),
                thread=f"zendesk {tid}",
                question=get(row, "subject"),
                score=score,
                score_kind="csat" if score is not None else "",
                attributes=attrs,
            )
        )
    return out


_FRESHDESK_CSAT = {
    "extremely satisfied": 5.0,
    "extremely happy": 5.0,
    "satisfied": 4.0,
    "happy": 4.0,
    "neutral": 3.0,
    "unsatisfied": 2.0,
    "unhappy": 2.0,
    "extremely unsatisfied": 1.0,
    "extremely unhappy": 1.0,
}


def freshdesk_csv(df: pd.DataFrame) -> list[Message]:
    """Freshdesk ticket CSV export: one row per ticket (subject and description)."""
    col = {norm(c): c for c in df.columns}
    custom = custom_attribute_columns(df, _FRESHDESK_STANDARD)

    def get(row: dict[str, str], *names: str) -> str:
        for n in names:
            if n in col and row.get(col[n]):
                return row[col[n]]
        return ""

    out: list[Message] = []
    for i, row in enumerate(df.to_dict("records"), start=1):
        tid = get(row, "ticket_id") or str(i)
        attrs = {
            k: get(row, k)
            for k in (
                "type", "priority", "status", "source", "group", "product", "tags",
                "company_name",
            )
            if get(row, k)
        }  # fmt: skip
        attrs.update({norm(c): str(row[c]).strip() for c in custom if str(row[c]).strip()})
        survey = get(row, "survey_results", "customer_satisfaction")
        score = _FRESHDESK_CSAT.get(survey.strip().lower())
        if score is None and re.search(r"\d", survey):
            score = to_score(re.sub(r"[^\d.]", "", survey))
        desc = get(row, "description")
        out.append(
            Message(
                ref=f"row {i} (ticket {tid})",
                text=desc,
                html=bool(re.search(r"</?(?:div|p|br)\b", desc, re.I)),
                author=get(row, "email", "contact_id", "full_name"),
                names=[n for n in (get(row, "full_name"), get(row, "agent"),
                                   *_more_names(get, row)) if n],
                created_at=to_datetime(get(row, "created_time")),
                thread=f"freshdesk {tid}",
                question=get(row, "subject"),
                score=score,
                score_kind="csat" if score is not None else "",
                attributes=attrs,
            )
        )
    return out


# ---------------------------------------------------------------- Intercom


def _intercom_role(author: dict[str, Any], part_type: str) -> str:
    if part_type == "note":
        return "note"
    kind = _s(author.get("type")).lower()
    if kind in ("user", "lead", "contact"):
        return "customer"
    return "bot" if kind == "bot" else "agent"


def intercom_json(data: Any) -> list[Message]:
    """Conversations: the opening ``source`` message, then every part that has a body."""
    if isinstance(data, dict):
        convs = data.get("conversations") if "conversations" in data else [data]
    else:
        convs = data
    out: list[Message] = []
    for c_index, conv in enumerate(convs or [], start=1):
        if not isinstance(conv, dict):
            continue
        cid = _s(conv.get("id")) or f"#{c_index}"
        attrs = _attrs(
            {
                **{k: v for k, v in (conv.get("custom_attributes") or {}).items()},
                "tags": [t.get("name") for t in (conv.get("tags") or {}).get("tags", [])],
            }
        )
        rating = (conv.get("conversation_rating") or {}).get("rating")
        score = to_score(rating)
        source = conv.get("source") or {}
        parts_obj = conv.get("conversation_parts") or {}
        parts = parts_obj.get("conversation_parts", []) if isinstance(parts_obj, dict) else []
        opening = {**source, "part_type": "comment", "created_at": conv.get("created_at")}
        for p_index, part in enumerate([opening, *parts]):
            body = _s(part.get("body"))
            if not body:
                continue  # assignment / open / close events carry no words
            author = part.get("author") or {}
            out.append(
                Message(
                    ref=f"conversation {cid} part {p_index}",
                    text=body,
                    html=True,
                    role=_intercom_role(author, _s(part.get("part_type"))),
                    author=_s(author.get("email") or author.get("id")),
                    names=[_s(author.get("name"))] if author.get("name") else [],
                    created_at=to_datetime(part.get("created_at")),
                    thread=f"intercom {cid}",
                    question=_s(source.get("subject")),
                    score=score,
                    score_kind="csat" if score is not None else "",
                    attributes=dict(attrs),
                )
            )
    return out


# ---------------------------------------------------------------- Help Scout


def _person(p: dict[str, Any]) -> str:
    return " ".join(x for x in (_s(p.get("first")), _s(p.get("last"))) if x)


def helpscout_json(data: Any) -> list[Message]:
    """Conversations with embedded threads; ``customer`` threads are the customer's words."""
    if isinstance(data, dict):
        convs = (data.get("_embedded") or {}).get("conversations", [])
    else:
        convs = data
    out: list[Message] = []
    for c_index, conv in enumerate(convs or [], start=1):
        if not isinstance(conv, dict):
            continue
        cid = _s(conv.get("number") or conv.get("id")) or f"#{c_index}"
        customer = conv.get("primaryCustomer") or conv.get("customer") or {}
        attrs = _attrs({"tags": conv.get("tags") or [], "mailbox": conv.get("mailboxId")})
        attrs.pop("mailbox", None)
        threads = (conv.get("_embedded") or {}).get("threads") or conv.get("threads") or []
        # The API lists threads newest first; read them oldest first.
        threads = sorted(
            (t for t in threads if isinstance(t, dict)), key=lambda t: _s(t.get("createdAt"))
        )
        for t in threads:
            body = _s(t.get("body") or t.get("text"))
            if not body:
                continue  # lineitem (status change) threads carry no words
            by = t.get("createdBy") or {}
            ttype = _s(t.get("type")).lower()
            if ttype == "note":
                role = "note"
            elif ttype == "customer" or _s(by.get("type")).lower() == "customer":
                role = "customer"
            else:
                role = "agent"
            out.append(
                Message(
                    ref=f"conversation {cid} thread {_s(t.get('id'))}",
                    text=body,
                    html=True,
                    role=role,
                    author=_s(by.get("email") or customer.get("email") or by.get("id")),
                    names=[n for n in (_person(by), _person(customer)) if n],
                    created_at=to_datetime(t.get("createdAt")),
                    thread=f"helpscout {cid}",
                    question=_s(conv.get("subject")),
                    attributes=dict(attrs),
                )
            )
    return out


JSON_READERS: dict[str, Callable[[Any], list[Message]]] = {
    "zendesk": zendesk_json,
    "intercom": intercom_json,
    "helpscout": helpscout_json,
}
CSV_READERS: dict[str, Callable[[pd.DataFrame], list[Message]]] = {
    "zendesk": zendesk_csv,
    "freshdesk": freshdesk_csv,
}
