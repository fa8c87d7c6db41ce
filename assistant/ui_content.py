"""What the page says about the indexed reports: its title, each report's name and label, the how-to, and
example questions generic to the genre (they name no report, person or place)."""

from __future__ import annotations

from .reports import ReportInfo
from .ui_render import escape

HOW_TO = (
    "在下方輸入關於報告的問題（繁體、簡體中文或英文），或點一個範例；索引中有多份報告時，可在「報告」中選擇只問哪幾份。"
    "每個回答都逐字引用報告原文，註明報告、頁碼與章節，並標示信心高、中、低；按「看原文」在右側（手機在下方）讀整段，"
    "按「複製引文」貼到公文。答錯了請按 👎 並標出正確段落。"
    "Ask about the reports in Chinese or English, or click an example; with several reports indexed, choose which "
    "to ask under “Reports”. Every answer quotes the report word for word with its report, page and section and "
    "says how sure it is; “Show in context” opens the whole section, “Copy citation” copies the quote with its "
    "page. If an answer is wrong, press 👎 and mark the right passage."
)
# What staff ask of any report of the genre (why the trip was made, who led it, what it recommends, who went),
# in both languages the page takes: the answers come from the cover, the sections and the member table.
EXAMPLES = ("這次出國的目的是什麼？", "Who led the delegation?", "報告提出了哪些建議？", "Who went on the trip?")


def example_questions(count: int) -> list[str]:
    """Return the first `count` example questions for the first screen."""
    return list(EXAMPLES[:count])


def file_name(source: str) -> str:
    """Return the file name of a report's source name ('corpus/a/b.pdf' -> 'b.pdf')."""
    return source.rsplit("/", 1)[-1]


def report_name(report: ReportInfo) -> str:
    """Return how a citation names a report: its cover title, else its file name."""
    return report.title or file_name(report.source)


def report_label(report: ReportInfo, fields: tuple[str, ...]) -> str:
    """Return a report's label in the page's choice: its cover title and `fields` where present, else its file
    name."""
    parts = [report.title, *(report.fields.get(key, "") for key in fields)]
    return " · ".join(p for p in parts if p) or file_name(report.source)


def report_choices(reports: list[ReportInfo], fields: tuple[str, ...]) -> list[tuple[str, str]]:
    """Return the page's report choice as (label, source name) pairs; labels two reports share get their file
    names, so every label is told apart."""
    labels = [report_label(r, fields) for r in reports]
    shared = {label for label in labels if labels.count(label) > 1}
    return [
        (f"{label}（{file_name(r.source)}）" if label in shared else label, r.source)
        for label, r in zip(labels, reports)
    ]


def page_title(reports: list[ReportInfo]) -> str:
    """Return the page's title: the report's name when one is indexed, else how many reports there are."""
    if len(reports) == 1:
        return report_name(reports[0])
    return f"{len(reports)} 份出國報告 · {len(reports)} reports"


def header_html(title: str) -> str:
    """Return the page's header: its title, how to use it, and a link past the chat to the source panel."""
    return (
        f'<header id="ta-header" role="banner"><h1>出國報告問答 · {escape(title)}</h1><p>{escape(HOW_TO)}</p>'
        '<p><a class="ta-skip" href="#source-context">跳到來源原文 Jump to the source panel</a></p></header>'
    )
