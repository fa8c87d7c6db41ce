"""The web page's server side: escaping, rendering, exposure flags, and the /ask API on a real server."""

from __future__ import annotations

import ast
import html
import shutil
import socket
import threading
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.config import PROJECT_ROOT, Settings
from assistant.index import load_index
from assistant.reports import ReportInfo
from assistant.serve import launch
from assistant.ui import build_app
from assistant.ui_content import EXAMPLES, page_title, report_choices, report_label
from assistant.ui_render import cite_label, escape, marked, plain_citation, render_answer

from .documents import PORT_REPORT, report_pages, write_docx, write_encrypted_pdf, write_pdf, write_scanned_pdf


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_settings_for(assistant, tmp_path_factory):
    """Return the page's settings with its own feedback store (and browser-state key) in a temporary folder."""
    folder = tmp_path_factory.getbasetemp() / "page"
    folder.mkdir(exist_ok=True)
    return assistant.settings.with_overrides(embeddings_dir=folder)


@pytest.fixture(scope="session")
def page_settings(assistant, tmp_path_factory):
    """The settings the `server` fixture's page runs with."""
    return page_settings_for(assistant, tmp_path_factory)


@pytest.fixture(scope="session")
def server(assistant, tmp_path_factory):
    """The real Gradio app on a free loopback port (modules importing only this fixture get it whole)."""
    app = build_app(assistant, page_settings_for(assistant, tmp_path_factory))
    port = free_port()
    launch(app, "127.0.0.1", port, None, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def library_copy(folder: Path) -> Settings:
    """Return settings over a copy of the repository's corpus and built index (the model linked, not copied), for
    tests that add reports: the repository's own corpus folder is never changed."""
    shutil.copytree(PROJECT_ROOT / "corpus", folder / "corpus")
    source = Settings()
    embeddings = folder / "embeddings"
    shutil.copytree(source.index_dir, embeddings / "index")
    if (source.embeddings_dir / "translator.json").is_file():
        shutil.copy(source.embeddings_dir / "translator.json", embeddings / "translator.json")
    (embeddings / "models").symlink_to(source.models_dir.resolve())
    return Settings(root=folder, corpus_dir=folder / "corpus", embeddings_dir=embeddings)


def corpus_state(settings: Settings) -> tuple[list[str], str]:
    """Return what must not change when an upload is refused: the corpus folder's files and the index manifest."""
    files = sorted(p.relative_to(settings.corpus_dir).as_posix() for p in settings.corpus_dir.rglob("*"))
    return files, (settings.index_dir / "manifest.json").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def library(tmp_path_factory, assistant) -> Assistant:
    """An assistant over a temporary copy of the corpus and index, sharing the session's loaded model."""
    return Assistant.load(library_copy(tmp_path_factory.mktemp("library")), embedder=assistant.embedder)


@pytest.fixture(scope="module")
def upload_server(library):
    """A real Gradio page over the copied library, on loopback (so it takes uploads): (its URL, the app)."""
    app = build_app(library)
    port = free_port()
    launch(app, "127.0.0.1", port, None, block=False, settings=library.settings)
    yield f"http://127.0.0.1:{port}/", app
    app.close()


@pytest.fixture(scope="module")
def incoming(tmp_path_factory) -> dict[str, Path]:
    """Report files to upload, written for the test: another trip's report as a PDF and as a Word file, and a
    file of each kind the page must refuse."""
    folder = tmp_path_factory.mktemp("incoming")
    text = PORT_REPORT.read_text(encoding="utf-8")
    files = {"pdf": folder / "port.pdf", "docx": folder / "port.docx"}
    write_pdf(report_pages(text), files["pdf"])
    write_docx(text, files["docx"])
    write_scanned_pdf(folder / "scan.pdf")
    write_encrypted_pdf(folder / "locked.pdf", "locked report")
    (folder / "cut.pdf").write_bytes(files["pdf"].read_bytes()[:3000])
    (folder / "program.exe").write_bytes(b"MZ\x90\x00")
    bundled = next(p for p in sorted((PROJECT_ROOT / "corpus").iterdir()) if p.suffix == ".txt")
    shutil.copy(bundled, folder / "again.txt")  # a report the corpus has, under another name
    bad = ("scan.pdf", "locked.pdf", "cut.pdf", "program.exe", "again.txt")
    return files | {Path(name).stem: folder / name for name in bad}


@pytest.fixture(scope="module")
def uploaded(upload_server, incoming) -> dict:
    """Upload the PDF through the API while another client keeps asking questions, then the Word file; return
    what each upload returned and the questions answered meanwhile."""
    from gradio_client import Client, handle_file

    url, _ = upload_server
    done, answered, errors = threading.Event(), [], []

    def keep_asking() -> None:
        client = Client(url, verbose=False)
        while not done.is_set():
            try:
                answered.append(client.predict("Who led the delegation?", 3, "hybrid", api_name="/ask"))
            except Exception as exc:  # noqa: BLE001 (every failure is what the test looks for)
                errors.append(exc)

    asker = threading.Thread(target=keep_asking)
    asker.start()
    client = Client(url, verbose=False)
    try:
        pdf = client.predict([handle_file(str(incoming["pdf"]))], api_name="/add_reports")
    finally:
        done.set()
        asker.join()
    docx = client.predict([handle_file(str(incoming["docx"]))], api_name="/add_reports")
    return {"pdf": pdf, "docx": docx, "answered": answered, "errors": errors}


def quote_is_a_slice(settings: Settings, quote: dict) -> bool:
    """Return True when `quote` is exactly its source's stored text between its offsets."""
    text = load_index(settings.index_dir).document(quote["source"]).text
    return text[quote["start"] : quote["end"]] == quote["quote"]


def test_questions_asked_while_a_report_is_indexed_are_answered(uploaded):
    assert uploaded["errors"] == []
    assert uploaded["answered"] and all(a["answer"] for a in uploaded["answered"])


def test_uploaded_pdf_is_answered_from_the_new_index_with_its_real_page(uploaded, upload_server, library, incoming):
    from gradio_client import Client

    (report,) = uploaded["pdf"]
    assert report["source"] == "corpus/port.pdf" and report["pages"] > 1 and report["title"]
    client = Client(upload_server[0], verbose=False)
    got = client.predict("鹿特丹港年吞吐量多少？", 5, "hybrid", ["port.pdf"], api_name="/ask")
    quote = got["answer"][0]
    assert quote["source"] == "corpus/port.pdf" and "年吞吐量約 4.6 億噸" in quote["quote"]
    assert quote_is_a_slice(library.settings, quote)
    pages = report_pages(PORT_REPORT.read_text(encoding="utf-8"))
    first = write_pdf(pages, incoming["pdf"].with_name("again.pdf"))  # the same pages: where each one starts
    page = first[next(i for i, text in enumerate(pages) if "年吞吐量約 4.6 億噸" in text)]
    assert quote["pages"] == [page, page]
    assert {p["source"] for p in got["passages"]} == {"corpus/port.pdf"}


def test_uploaded_word_file_is_answered_only_from_itself_when_chosen(uploaded, upload_server, library):
    from gradio_client import Client

    assert [r["source"] for r in uploaded["docx"]] == ["corpus/port.docx"]
    client = Client(upload_server[0], verbose=False)
    got = client.predict("鹿特丹港年吞吐量多少？", 10, "hybrid", ["corpus/port.docx"], api_name="/ask")
    quote = got["answer"][0]
    assert "年吞吐量約 4.6 億噸" in quote["quote"] and quote["pages"] and quote_is_a_slice(library.settings, quote)
    assert {q["source"] for q in got["answer"]} | {p["source"] for p in got["passages"]} == {"corpus/port.docx"}
    listed = client.predict(api_name="/reports")
    assert [r["source"] for r in listed] == ["corpus/port.docx", "corpus/port.pdf", library.sources[0]]


def test_the_pages_report_choice_limits_answers_and_citations_name_the_report(uploaded, upload_server):
    url, app = upload_server
    respond = next(f.fn for f in app.fns.values() if f.name == "respond")
    page, store, _ = respond("鹿特丹港年吞吐量多少？", None, "hybrid", 10, ["corpus/port.pdf"])
    answer = store["turns"][-1]["answer"]
    assert {q["source"] for q in answer["answer"]} | {p["source"] for p in answer["passages"]} == {"corpus/port.pdf"}
    title = uploaded["pdf"][0]["title"]
    cite = html.unescape(page.split('class="ta-cite"', 1)[1].split("</figcaption>", 1)[0])
    assert f"《{title}》第 " in cite and " 頁 · " in cite  # several reports: each citation names its report
    assert store["reports"] == ["corpus/port.pdf"]


def test_api_refuses_an_unknown_report_or_a_report_list_of_the_wrong_type(upload_server):
    from gradio_client import Client

    client = Client(upload_server[0], verbose=False)
    with pytest.raises(Exception) as caught:
        client.predict("誰率團？", 5, "hybrid", ["nowhere.pdf"], api_name="/ask")
    message = str(caught.value)
    assert "report 'nowhere.pdf' matches no report (reports: " in message and "\n" not in message
    with pytest.raises(Exception, match="reports must be a list of report names"):
        client.predict("誰率團？", 5, "hybrid", [3], api_name="/ask")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("program", "cannot add program.exe: only .txt, .md, .pdf, .docx reports are read"),
        ("scan", "cannot add scan.pdf: its 1 PDF page(s) hold no text (a scan without a text layer?)"),
        ("locked", "cannot add locked.pdf: it is an encrypted PDF (it needs a password)"),
        ("cut", "cannot add cut.pdf: it is not a readable PDF"),
        ("again", "cannot add again.txt: it has the same content as corpus/"),
    ],
)
def test_a_refused_upload_says_why_in_one_line_and_changes_nothing(upload_server, library, incoming, name, message):
    from gradio_client import Client, handle_file

    before = corpus_state(library.settings)
    with pytest.raises(Exception) as caught:
        Client(upload_server[0], verbose=False).predict([handle_file(str(incoming[name]))], api_name="/add_reports")
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert corpus_state(library.settings) == before


def test_add_reports_takes_only_files_uploaded_to_the_server(upload_server, library, tmp_path):
    import json
    import urllib.request

    outside = tmp_path / "elsewhere.md"
    outside.write_text("壹、目的\n\n伺服器上的另一個檔案。\n", encoding="utf-8")
    before = corpus_state(library.settings)
    call = urllib.request.Request(
        upload_server[0] + "gradio_api/call/add_reports", headers={"Content-Type": "application/json"},
        data=json.dumps({"data": [[{"path": str(outside), "meta": {"_type": "gradio.FileData"}}]]}).encode(),
    )  # fmt: skip
    event = json.loads(urllib.request.urlopen(call, timeout=60).read())["event_id"]
    with urllib.request.urlopen(upload_server[0] + f"gradio_api/call/add_reports/{event}", timeout=60) as reply:
        assert "event: error" in reply.read().decode()
    assert corpus_state(library.settings) == before


def test_an_upload_over_the_size_limit_is_refused_before_it_is_stored(upload_server, library, incoming):
    from gradio import utils

    url, _ = upload_server
    folder = Path(utils.get_upload_folder())
    before, cache = corpus_state(library.settings), set(folder.rglob("*")) if folder.exists() else set()
    big = b"%PDF-1.4\n" + b"0" * (library.settings.max_upload_bytes + 1)
    body = b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n\r\n' + big + b"\r\n--b--\r\n"
    host, port = url.split("//")[1].rstrip("/").split(":")
    import http.client

    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    conn.request("POST", "/gradio_api/upload", body=body, headers={"Content-Type": "multipart/form-data; boundary=b"})
    response = conn.getresponse()
    reply = response.read().decode()
    conn.close()
    assert response.status == 413 and "maximum allowed size" in reply
    assert corpus_state(library.settings) == before
    assert {p for p in (set(folder.rglob("*")) if folder.exists() else set()) - cache if p.is_file()} == set()


def test_the_page_refuses_too_many_or_too_large_files_with_the_setting_to_change(library, tmp_path):
    from assistant.feedback import FeedbackStore
    from assistant.ingest import CorpusError
    from assistant.ui_live import LiveAssistant, Page, UploadGate
    from assistant.ui_reports import ReportsPanel

    settings = library.settings.with_overrides(max_upload_bytes=10, max_upload_files=1)
    page = Page(LiveAssistant(library), settings, FeedbackStore(tmp_path / "f.sqlite3"), gate=UploadGate(True))
    (tmp_path / "a.txt").write_text("報告\n" * 10, encoding="utf-8")
    before = corpus_state(library.settings)
    with pytest.raises(CorpusError, match=r"^cannot add a.txt: it is 70 bytes; reports are added up to 10 bytes"):
        ReportsPanel(page).add([tmp_path / "a.txt"])
    with pytest.raises(CorpusError, match=r"^2 files at once; add at most 1 \(setting max_upload_files\)$"):
        ReportsPanel(page).add([tmp_path / "a.txt", tmp_path / "a.txt"])
    page.gate.allowed = False
    with pytest.raises(CorpusError, match="needs a loopback or password-protected server"):
        ReportsPanel(page).add([tmp_path / "a.txt"])
    assert corpus_state(library.settings) == before


def test_upload_reports_each_step_while_it_indexes(tmp_path, assistant):
    from assistant.feedback import FeedbackStore
    from assistant.ui_live import LiveAssistant, Page, UploadGate
    from assistant.ui_reports import STEPS, ReportsPanel, added_line

    live = LiveAssistant(Assistant.load(library_copy(tmp_path), embedder=assistant.embedder))
    page = Page(live, live.current.settings, FeedbackStore(tmp_path / "f.sqlite3"), gate=UploadGate(True))
    shutil.copy(PORT_REPORT, tmp_path / "port-report.md")
    steps: list[tuple[float, str]] = []
    (added,) = ReportsPanel(page).add([tmp_path / "port-report.md"], lambda f, desc: steps.append((f, desc)))
    assert [d for _, d in steps][:2] == list(STEPS[:2]) and steps[-1][1] == STEPS[2]
    counted = [d for _, d in steps if d.startswith(STEPS[1] + "：")]
    done, total = counted[-1].split("：")[1].split("/")
    assert len(counted) > 1 and done == total and int(total) > 0  # e.g. 0/42, 28/42, 42/42
    assert [f for f, _ in steps] == sorted(f for f, _ in steps)
    assert added.source == "corpus/port-report.md" and "corpus/port-report.md" in added_line([added])
    assert live.current.ask("誰率團？", reports=["port-report.md"]).quotes[0].source == "corpus/port-report.md"


def test_reports_that_fail_to_index_are_taken_out_again_and_the_page_says_so_in_one_line(
    tmp_path, assistant, monkeypatch
):
    from assistant import ui_live
    from assistant.feedback import FeedbackStore
    from assistant.ingest import CorpusError
    from assistant.ui_live import LiveAssistant, Page, UploadGate
    from assistant.ui_reports import ReportsPanel

    live = LiveAssistant(Assistant.load(library_copy(tmp_path), embedder=assistant.embedder))
    page = Page(live, live.current.settings, FeedbackStore(tmp_path / "f.sqlite3"), gate=UploadGate(True))
    shutil.copy(PORT_REPORT, tmp_path / "port-report.md")
    files, running = corpus_state(live.current.settings)[0], live.current

    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(ui_live, "Assistant", broken)
    with pytest.raises(CorpusError, match=r"^the reports could not be indexed \(RuntimeError\); nothing was added$"):
        ReportsPanel(page).add([tmp_path / "port-report.md"])
    assert corpus_state(live.current.settings)[0] == files and live.current is running


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src=x onerror="alert(1)">', "<img"),
        ("<a href='http://evil.example'>x</a>", "<a "),
    ],
)
def test_escape_makes_markup_plain_text(text, forbidden):
    out = escape(text)
    assert forbidden not in out
    assert html.unescape(out) == text


@pytest.mark.parametrize("text", ["L' Etape", "Hôtel d' Assézat", "question's", "a & b", "1 < 2"])
def test_escaped_text_reads_as_itself_not_as_codes(text):
    # Escaped once: the browser shows the text itself, never "&#x27;" or "&amp;".
    assert html.unescape(escape(text)) == text
    assert "&amp;" not in escape(text.replace("&", ""))


@pytest.mark.parametrize(
    ("pages", "section", "expected"),
    [
        ((10, 10), "伍、建議 › 一、交通", "第 10 頁 · 伍、建議 › 一、交通"),
        ((8, 10), "參、行程紀要", "第 8–10 頁 · 參、行程紀要"),
        (None, "封面", "封面"),
    ],
)
def test_citation_names_the_page_and_the_section(pages, section, expected):
    assert cite_label(pages, section) == expected


def test_plain_citation_joins_page_breaks_and_names_report_page_and_section():
    quote = {"quote": "法\n\n國電力集團。", "start": 100, "section": "十八、參訪", "pages": [26, 27]}
    assert plain_citation(quote, "某報告", [(101, 103)]) == "「法國電力集團。」（某報告，第 26–27 頁，十八、參訪）"


def test_marked_joins_page_breaks_and_keeps_highlights():
    # text starts at offset 10; the break is the blank gap at 12..14; the mark covers 11..16.
    assert marked("abXXcdef", 10, [(11, 16)], [(12, 14)]) == "a<mark>bcd</mark>ef"


def test_report_label_is_its_cover_title_agency_and_dates_else_its_file_name():
    fields = ("服務機關", "出國期間")
    full = ReportInfo("corpus/a.pdf", {"服務機關": "某局", "出國期間": "1月1日至3日", "派赴國家": "某國"}, 3, "某報告")
    assert report_label(full, fields) == "某報告 · 某局 · 1月1日至3日"
    assert report_label(ReportInfo("corpus/sub/b.docx"), fields) == "b.docx"
    twins = [ReportInfo("corpus/x.txt", title="同名報告"), ReportInfo("corpus/x.pdf", title="同名報告")]
    assert report_choices([full, *twins], fields) == [
        ("某報告 · 某局 · 1月1日至3日", "corpus/a.pdf"),
        ("同名報告（x.txt）", "corpus/x.txt"),
        ("同名報告（x.pdf）", "corpus/x.pdf"),
    ]


def test_page_title_is_the_reports_title_or_how_many_reports_there_are():
    assert page_title([ReportInfo("corpus/a.pdf", title="某報告")]) == "某報告"
    assert page_title([ReportInfo("corpus/a.pdf")]) == "a.pdf"
    assert page_title([ReportInfo("corpus/a.pdf"), ReportInfo("corpus/b.pdf")]) == "2 份出國報告 · 2 reports"


def test_examples_are_generic_questions_answered_from_any_report_of_the_genre(assistant, tmp_settings, embedder):
    from assistant.evaluation import DEFAULT_QUESTIONS, load_split

    test = {q.question for q in load_split(DEFAULT_QUESTIONS, "test").questions}
    assert not set(EXAMPLES) & test
    shutil.copy(PORT_REPORT, tmp_settings.corpus_dir / "port-report.txt")
    other = Assistant.load(tmp_settings, embedder=embedder)  # another trip of the same genre
    for question in EXAMPLES:
        for reader in (assistant, other):
            answer = reader.ask(question)
            assert not answer.abstained and answer.quotes, (question, answer.message)


def test_page_modules_say_their_job_first_and_no_function_runs_over_50_lines():
    for path in sorted((PROJECT_ROOT / "assistant").glob("ui*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree) or ""
        assert doc and len(doc.splitlines()[0]) > 20, path.name
        long = [
            n.name for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.end_lineno - n.lineno + 1 > 50
        ]  # fmt: skip
        assert long == [], (path.name, long)


def test_page_code_names_nothing_of_the_bundled_report(assistant):
    (info,) = assistant.reports()
    words = [info.title, *info.fields.values(), *(w for w in info.title.split() if len(w) >= 5)]
    for path in sorted((PROJECT_ROOT / "assistant").glob("ui*.py")):
        code = path.read_text(encoding="utf-8")
        assert [w for w in words if w in code] == [], path.name


def test_rendered_answer_has_quote_page_citation_confidence_and_sources(assistant):
    answer = assistant.ask("Sigfox 在多少個國家提供服務？").to_dict()
    page = render_answer(answer, 0, "某報告")
    assert "<blockquote>" in page and "超過 31 個國家" in page
    assert "第 6–7 頁 · 參、行程紀要 › 二、參訪物聯網新創公司 Sigfox" in html.unescape(page)
    assert "信心：" in page and "<mark>" in page and 'class="ta-btn ta-copy"' in page
    # Raw scores only in the details line.
    main, details = page.split('<details class="ta-tech">')
    assert "score" not in main and "score" in details


def test_with_several_reports_each_citation_and_source_names_its_report():
    quote = {"quote": "某句。", "source": "corpus/b.pdf", "section": "貳、目的", "start": 0, "end": 3, "pages": [4, 4]}
    passage = {"rank": 1, "text": "某句。", "source": "corpus/b.pdf", "section": "貳、目的", "start": 0, "end": 3,
               "score": 1.0, "highlights": [[0, 3]], "pages": [4, 4]}  # fmt: skip
    answer = {"abstained": False, "level": "high", "message": "", "notices": [], "confidence": 0.9, "mode": "hybrid",
              "answer": [quote], "passages": [passage]}  # fmt: skip
    titles = {"corpus/b.pdf": "乙報告"}.get
    several = html.unescape(render_answer(answer, 0, titles, name_reports=True))
    assert "— 《乙報告》第 4 頁 · 貳、目的" in several and "[1] 《乙報告》第 4 頁 · 貳、目的" in several
    assert 'data-copy="「某句。」（乙報告，第 4 頁，貳、目的）"' in several
    one = html.unescape(render_answer(answer, 0, titles))
    assert "《" not in one.split("data-copy")[0] and 'title="乙報告"' in one  # one report: named on hover only


def test_abstention_shows_the_message_first_and_folds_unmarked_nearest_passages(assistant):
    answer = assistant.ask("What did the mayor eat for breakfast in Lyon?").to_dict()
    page = render_answer(answer)
    assert page.index("No reliable answer") < page.index("<details")
    assert "<details open" not in page and "<blockquote>" not in page and "<mark" not in page
    assert "Nearest passages, not an answer" in page and "信心：低" in page


def test_answer_json_carries_what_the_page_shows(assistant):
    data = assistant.ask("Sigfox 在多少個國家提供服務？").to_dict()
    assert data["level"] in ("high", "medium") and data["answer"][0]["pages"] == [6, 7]
    assert all(p["pages"] for p in data["passages"] if "行程紀要" in p["section"])


def test_api_ask_returns_the_cli_json(server, assistant):
    from gradio_client import Client

    client = Client(server, verbose=False)
    got = client.predict("巴黎綠蔭步道全長幾公里？", 3, "hybrid", api_name="/ask")
    assert got == assistant.ask("巴黎綠蔭步道全長幾公里？", top_k=3, mode="hybrid").to_dict()
    assert "全長 4.5 公里" in got["answer"][0]["quote"]


def test_api_records_feedback_like_the_page_buttons(server, page_settings):
    from gradio_client import Client

    from assistant.feedback import FeedbackStore

    client = Client(server, verbose=False)
    answer = client.predict("巴黎綠蔭步道全長幾公里？", 3, "hybrid", api_name="/ask")
    got = client.predict("巴黎綠蔭步道全長幾公里？", answer, "right", 2, api_name="/feedback")
    assert got["verdict"] == "right"
    row = next(f for f in FeedbackStore(page_settings.feedback_path).all() if f.id == got["id"])
    assert row.right_passage == answer["passages"][1]


def test_api_rejects_an_empty_question_with_a_message(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", 5, "hybrid", api_name="/ask")


def test_api_abstains_on_a_question_sharing_no_word_with_the_report(server):
    from gradio_client import Client

    got = Client(server, verbose=False).predict("x" * 5000, 5, "hybrid", api_name="/ask")
    assert got["abstained"] and got["answer"] == []
    assert any("1000" in n for n in got["notices"])
    assert any("None of the question's words occur in the report" in n for n in got["notices"])


def test_the_page_keeps_what_an_answer_was_about_for_the_next_follow_up(port_assistant, tmp_path):
    from assistant.feedback import FeedbackStore
    from assistant.ui_chat import ChatPanel
    from assistant.ui_live import LiveAssistant, Page
    from assistant.ui_sources import SourcePanel

    page = Page(LiveAssistant(port_assistant), port_assistant.settings, FeedbackStore(tmp_path / "fb.sqlite3"))
    chat = ChatPanel(page, SourcePanel(page))
    _, store, _ = chat.respond("6 號上午去了哪裡？", None, "hybrid", 5, [])
    assert [label for _, label in store["focus"]] == ["參、考察過程 › 三、拜會阿姆斯特丹市議會"]
    assert store["days"] == [[port_assistant.sources[0], "3/6"]]
    _, store, _ = chat.respond("對方由誰接待？", store, "hybrid", 5, [])
    assert "德弗里斯" in store["turns"][-1]["answer"]["answer"][0]["quote"]
    _, store, _ = chat.respond("前一天呢？", store, "hybrid", 5, [])  # the day of the meeting, kept in the store
    assert store["turns"][-1]["answer"]["answer"][0]["quote"].startswith("3/5 (二)")


def test_the_page_keeps_each_turns_standalone_question_for_a_follow_up_switching_the_subject(port_assistant, tmp_path):
    from assistant.feedback import FeedbackStore
    from assistant.ui_chat import ChatPanel
    from assistant.ui_live import LiveAssistant, Page
    from assistant.ui_sources import SourcePanel

    page = Page(LiveAssistant(port_assistant), port_assistant.settings, FeedbackStore(tmp_path / "fb.sqlite3"))
    chat = ChatPanel(page, SourcePanel(page))
    _, store, _ = chat.respond("在鹿特丹是誰接待的？", None, "hybrid", 5, [])
    _, store, _ = chat.respond("那阿姆斯特丹那邊呢？", store, "hybrid", 5, [])
    notices = store["turns"][-1]["answer"]["notices"]
    assert any("讀作「在阿姆斯特丹是誰接待的？」" in n for n in notices)  # the browser's store kept the turn before
    _, store = chat.new_topic(store)
    assert store["standalone"] == []


def test_an_empty_question_is_answered_with_a_passing_notice_not_a_numbered_turn(port_assistant, tmp_path):
    from assistant.feedback import FeedbackStore
    from assistant.ui_chat import ChatPanel
    from assistant.ui_live import LiveAssistant, Page
    from assistant.ui_sources import SourcePanel

    page = Page(LiveAssistant(port_assistant), port_assistant.settings, FeedbackStore(tmp_path / "fb.sqlite3"))
    chat = ChatPanel(page, SourcePanel(page))
    _, store, _ = chat.respond("6 號上午去了哪裡？", None, "hybrid", 5, [])
    html, store, _ = chat.respond("  \u200b ", store, "hybrid", 5, [])
    assert len(store["turns"]) == 1  # nothing was asked: no turn "問 Q2" with a blank question
    assert "問 Q2" not in html and "問題是空的" in html and "The question is empty" in html
    html, store, _ = chat.respond("對方由誰接待？", store, "hybrid", 5, [])
    assert "問題是空的" not in html and "問 Q2" in html  # the notice passes; the follow-up still follows up
    assert "德弗里斯" in store["turns"][-1]["answer"]["answer"][0]["quote"]


def test_the_eval_tab_says_when_other_reports_are_indexed_beside_the_one_its_questions_were_written_for(
    small_report, embedder, port_assistant, tmp_path
):
    from assistant.feedback import FeedbackStore
    from assistant.ui_eval import SEVERAL_REPORTS, EvalTab
    from assistant.ui_live import LiveAssistant, Page

    shutil.copy(PORT_REPORT, small_report.corpus_dir / "port-report.txt")
    both = Assistant.load(small_report, embedder=embedder)
    quiet = lambda *args, **kwargs: None  # noqa: E731  (the progress bar Gradio would pass)
    for current, noted in ((both, True), (port_assistant, False)):
        page = Page(LiveAssistant(current), current.settings, FeedbackStore(tmp_path / "fb.sqlite3"))
        shown, status = EvalTab(page).run_evaluation("test", "hybrid", progress=quiet)
        assert status == "完成 Done." and (SEVERAL_REPORTS in shown) is noted and "評估結果 Results" in shown


def test_a_refusal_on_the_page_says_why_in_chinese_and_in_english(library, tmp_path):
    from assistant.feedback import FeedbackStore
    from assistant.ingest import CorpusError
    from assistant.ui_live import LiveAssistant, Page, UploadGate
    from assistant.ui_reports import ReportsPanel, not_added_line

    page = Page(LiveAssistant(library), library.settings, FeedbackStore(tmp_path / "f.sqlite3"), gate=UploadGate(True))
    (tmp_path / "tool.exe").write_bytes(b"MZ")
    with pytest.raises(CorpusError) as caught:
        ReportsPanel(page).add([tmp_path / "tool.exe"])
    line = not_added_line(caught.value)
    assert line == (
        "無法加入：tool.exe 不是可讀的報告檔（.txt、.md、.pdf、.docx）。"
        "Not added: cannot add tool.exe: only .txt, .md, .pdf, .docx reports are read"
    )
    assert not_added_line(RuntimeError("disk full")) == "無法加入 Not added：disk full"  # no Chinese given


def test_the_source_panel_names_the_character_range_as_characters_not_bare_numbers():
    from assistant.ui_render import render_context

    html = render_context(
        "corpus/port.txt", "二、參訪港務局", 2017, "港務局簡報數據平臺。", [[2017, 2023]], [3], "港市考察報告"
    )
    assert "corpus/port.txt · 字元 characters 2017–2027" in html  # not "port.txt:2017–2027", read as years
