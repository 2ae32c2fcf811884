"""The summary of a follow-up meeting: then and now. What the workshop it follows agreed
(actions, what each organisation would give and hoped to get, the agreed values) beside
how it went, and a chart of giving and getting then and now. Empty for a workshop that
follows none.

The status words are the screens' own (vaerdispil.i18n, review.*), so the screen, the
exports and the PDF say the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from ..game.review import STATUSES
from ..i18n import text as i18n_text
from ..outcome import Outcome, ReviewRecord
from .charts import bar_chart
from .common import markup
from .summary_style import STYLES, WIDTH, Para, format_date, label, table, text


def _said(record: ReviewRecord, language: str, labels: dict[str, str]) -> Para:
    """The status in bold (or 'not reviewed'), with the line on why."""
    if record.status:
        words = f"<b>{markup(i18n_text(language, f'review.{record.kind}.{record.status}'))}</b>"
    else:
        words = f"<i>{labels['then.open']}</i>"
    if record.note:
        words += f"<br/>{markup(record.note)}"
    return Para(words, STYLES["cell"])


def _tally(records: list[ReviewRecord], kind: str, language: str,
           labels: dict[str, str]) -> str:
    """'Gjort: 2 · Delvist: 1 · Ikke gennemgået: 1' (the statuses that occur)."""
    parts = []
    for status in STATUSES[kind]:
        count = sum(1 for record in records if record.status == status)
        if count:
            parts.append(f"{i18n_text(language, f'review.{kind}.{status}')}: {count}")
    missing = sum(1 for record in records if not record.status)
    if missing:
        parts.append(f"{labels['then.open'].capitalize()}: {missing}")
    return " · ".join(parts)


def then_and_now(result: Outcome, labels: dict[str, str]) -> Iterable[Flowable]:
    """The section, or nothing for a workshop that follows none."""
    if not result.follows:
        return
    language = result.language if result.language in ("da", "en") else "da"
    then = result.follows
    yield Para(labels["then.heading"], STYLES["h1"])
    yield Para(labels["then.intro"].format(
        title=markup(then.get("title") or then.get("name", "")),
        date=markup(format_date(then.get("date", ""), labels))), STYLES["small_lead"])
    actions = [record for record in result.reviews if record.kind == "action"]
    if actions:
        yield Para(labels["then.actions"], STYLES["h2"])
        yield Para(markup(_tally(actions, "action", language, labels)), STYLES["body"])
        rows: list[list[Flowable | str]] = [[label(labels["then.what"]),
                                             label(labels["then.who"]),
                                             label(labels["then.now"])]]
        for record in actions:
            who = [part for part in (record.person, record.organisation) if part]
            if record.due:
                who.append(format_date(record.due, labels))
            rows.append([text(record.subject), text(", ".join(who)),
                         _said(record, language, labels)])
        yield table(rows, [WIDTH - 120 * mm, 55 * mm, 65 * mm])
    promises = [record for record in result.reviews if record.kind in ("gave", "got")]
    if promises:
        yield Para(labels["then.promises"], STYLES["h2"])
        said = [f"{labels[f'then.{kind}_now']} "
                f"{_tally([r for r in promises if r.kind == kind], kind, language, labels)}"
                for kind in ("gave", "got")]
        yield Para(markup("   ".join(said)), STYLES["body"])
        rows = [[label(labels["then.org"]), label(labels["then.gave"]),
                 label(labels["then.gave_now"]), label(labels["then.got"]),
                 label(labels["then.got_now"])]]
        by_org: dict[str, dict[str, ReviewRecord]] = {}
        for record in promises:
            by_org.setdefault(record.subject, {})[record.kind] = record
        for name, pair in by_org.items():
            gave, got = pair.get("gave"), pair.get("got")
            rows.append([Para(f"<b>{markup(name)}</b>", STYLES["cell"]),
                         text(gave.detail if gave else ""),
                         _said(gave, language, labels) if gave else "",
                         text(got.detail if got else ""),
                         _said(got, language, labels) if got else ""])
        yield table(rows, [34 * mm, (WIDTH - 34 * mm) / 4, (WIDTH - 34 * mm) / 4,
                           (WIDTH - 34 * mm) / 4, (WIDTH - 34 * mm) / 4])
        yield from _balance_chart(result, by_org, labels)
    values = [record for record in result.reviews if record.kind == "agreed"]
    if values:
        yield Para(labels["then.values"], STYLES["h2"])
        rows = [[label(labels["then.value"]), label(labels["then.backers"]),
                 label(labels["then.now"])]]
        for record in values:
            rows.append([Para(f"<b>{markup(record.subject)}</b>", STYLES["cell"]),
                         text(record.detail), _said(record, language, labels)])
        yield table(rows, [WIDTH - 120 * mm, 55 * mm, 65 * mm])


def _balance_chart(result: Outcome, by_org: dict[str, dict[str, ReviewRecord]],
                   labels: dict[str, str]) -> Iterable[Flowable]:
    """Values given and gotten per organisation, then (dark) and now (light): two bars
    for each organisation's giving, two for its getting."""
    now = {org.name: org for org in result.organisations}
    names = list(by_org) + [name for name in now if name not in by_org]
    if not names:
        return

    def then_count(name: str, kind: str) -> int:
        record = by_org.get(name, {}).get(kind)
        return record.count if record is not None else 0

    rows, before, after = [], [], []
    for name in names:
        org = now.get(name)
        rows += [labels["then.gives_row"].format(org=name),
                 labels["then.gets_row"].format(org=name)]
        before += [then_count(name, "gave"), then_count(name, "got")]
        after += [len(org.gives) if org else 0, len(org.gets) if org else 0]
    yield Para(labels["then.chart"], STYLES["h2"])
    yield bar_chart(rows, [before, after], WIDTH, 60 * mm, labels["then.series"].split("|"),
                    labels["then.chart"])
