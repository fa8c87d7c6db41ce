"""The page's reports panel: which reports questions are limited to, and adding reports by upload (only on a
loopback server or one behind a password), indexed with progress shown and then offered in the choice."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import gradio as gr

from .ingest import CorpusError
from .readers import READABLE_SUFFIXES
from .reports import ReportInfo
from .ui_content import report_name
from .ui_live import Page
from .ui_render import escape

log = logging.getLogger("trip-assistant.upload")

UPLOAD_CLOSED = "adding reports needs a loopback or password-protected server (--auth-file)"
STEPS = (
    "1/3 檢查檔案 Checking the files",
    "2/3 建立索引 Indexing",
    "3/3 儲存並載入新索引 Saving and loading the new index",
)


def uploaded_paths(files: object) -> list[Path]:
    """Return the paths of what Gradio hands over for an upload (a path, a list of them, or file objects)."""
    items = files if isinstance(files, list | tuple) else [files] if files else []
    return [Path(getattr(f, "name", None) or getattr(f, "path", None) or f) for f in items]


def checked_uploads(paths: list[Path], max_files: int, max_bytes: int) -> None:
    """Refuse an upload of no file, too many files or a file over `max_bytes`, before any is read.

    Raises:
        CorpusError: the one-line reason.
    """
    if not paths:
        raise CorpusError("choose one or more reports to add", "請選擇要加入的報告檔")
    if len(paths) > max_files:
        raise CorpusError(
            f"{len(paths)} files at once; add at most {max_files} (setting max_upload_files)",
            f"一次 {len(paths)} 個檔案，最多 {max_files} 個",
        )
    for path in paths:
        try:
            size = os.stat(path).st_size
        except OSError:
            raise CorpusError(
                f"cannot add {path.name}: the upload is gone; upload it again", f"{path.name} 的上傳已失效，請重新上傳"
            ) from None
        if size > max_bytes:
            raise CorpusError(
                f"cannot add {path.name}: it is {size:,} bytes; reports are added up to {max_bytes:,} bytes "
                "(setting max_upload_bytes)",
                f"{path.name} 太大（{size:,} 位元組，上限 {max_bytes:,}）",
            )


def added_line(reports: list[ReportInfo]) -> str:
    """Return the one line saying which reports were added and that they can be chosen now."""
    named = "、".join(f"《{report_name(r)}》（{r.source}{f'，{r.pages} 頁' if r.pages else ''}）" for r in reports)
    return f"已加入 Added：{named}。可在上方「報告 Reports」中選擇。"


def not_added_line(exc: Exception) -> str:
    """Return the one line saying why nothing was added, in Chinese too when the refusal says it."""
    chinese = getattr(exc, "chinese", "")
    return f"無法加入：{chinese}。Not added: {exc}" if chinese else f"無法加入 Not added：{exc}"


class ReportsPanel:
    """The report choice, and the upload that adds reports to the corpus and index of the running page."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def build(self) -> None:
        """Add the report choice and the (hidden until allowed) upload to the page being built."""
        with gr.Column(elem_id="reports-panel"):
            self.choice = gr.Dropdown(
                choices=self.page.choices(), value=[], multiselect=True, elem_id="report-choice",
                label="報告 Reports（不選 = 全部 none chosen = all）",
            )  # fmt: skip
            with gr.Accordion("加入報告 Add reports", open=False, visible=False, elem_id="upload-panel") as self.panel:
                self.files = gr.File(
                    label=f"報告檔 Report files ({', '.join(READABLE_SUFFIXES)})", file_count="multiple",
                    elem_id="upload-files",
                )  # fmt: skip
                self.status = gr.HTML(elem_id="upload-status")

    def wire(self, header: gr.HTML) -> None:
        """Connect the upload: add the files, then show the outcome and refresh the choice and the page title."""
        # The last upload's outcome goes at once (a refusal must not stand beside the next upload's progress), and
        # the progress shows once, on the status line, not over every component the upload refreshes.
        self.files.upload(lambda: "", None, self.status, api_visibility="private", queue=False).then(
            self.add_uploaded, [self.files, self.choice], [self.status, self.choice, header, self.files],
            api_visibility="private", concurrency_limit=1, show_progress="full", show_progress_on=[self.status],
        )  # fmt: skip

    def add(self, paths: list[Path], progress=None) -> list[ReportInfo]:
        """Add uploaded reports to the running page (checked first; all or none) and return them.

        Raises:
            CorpusError: uploads are not allowed here, or a file was refused; nothing changed.
        """
        if not self.page.gate.allowed:
            raise CorpusError(UPLOAD_CLOSED, "這個伺服器不開放加入報告")
        s = self.page.settings
        say = progress or (lambda fraction, desc: None)
        say(0.0, STEPS[0])
        checked_uploads(paths, s.max_upload_files, s.max_upload_bytes)

        def indexed(done: int, total: int) -> None:
            say(0.05 + 0.8 * done / max(total, 1), f"{STEPS[1]}：{done}/{total}")

        say(0.05, STEPS[1])
        try:
            return self.page.live.add_reports(paths, lambda p: p.name, indexed, lambda: say(0.9, STEPS[2]))
        except CorpusError:
            raise
        except Exception as exc:  # the build's own failure: logged whole, told in one line; the copies are gone
            log.exception("adding %s failed", ", ".join(p.name for p in paths))
            raise CorpusError(
                f"the reports could not be indexed ({type(exc).__name__}); nothing was added", "報告無法建立索引"
            ) from exc

    def add_uploaded(self, files, chosen: list[str] | None, progress=gr.Progress()):  # noqa: B008 (Gradio injects it)
        """Handle the page's upload: one line saying what was added, or why nothing was (then nothing changed)."""
        try:
            added = self.add(uploaded_paths(files), lambda fraction, desc: progress(fraction, desc=desc))
        except CorpusError as exc:
            line = f'<p class="ta-upload-status ta-upload-error" role="alert">{escape(not_added_line(exc))}</p>'
            return line, gr.update(), gr.update(), gr.update(value=None)
        line = f'<p class="ta-upload-status ta-upload-done" role="status">{escape(added_line(added))}</p>'
        return line, self.choice_update(chosen), self.page.header_html(), gr.update(value=None)

    def choice_update(self, chosen: list[str] | None):
        """Return the report choice with the reports indexed now, keeping those of `chosen` still there."""
        choices = self.page.choices()
        known = {source for _, source in choices}
        return gr.update(choices=choices, value=[c for c in chosen or [] if c in known])

    def visibility(self):
        """Return the upload panel shown when this server takes uploads, else hidden."""
        return gr.update(visible=self.page.gate.allowed)
