"""The page's static assets: its style sheet, and the scripts of the chat log and of the source panel."""

from __future__ import annotations

CSS = """
#ta-header h1 { font-size: 1.5em; margin: 0.2em 0; }
#ta-header p { margin: 0.3em 0; line-height: 1.6; }
.ta-skip { font-size: 0.9em; }
#chat .ta-log { max-height: 62vh; overflow-y: auto; padding: 0.2em 0.4em; }
.ta-empty { color: #555; padding: 0.8em 0; }
.ta-question { background: #eef2f7; border-radius: 8px; padding: 0.5em 0.8em; margin: 0.8em 0 0.4em; white-space: pre-wrap; }
.ta-who { font-weight: 600; color: #2f4f7f; margin-right: 0.4em; }
.ta-answer { border-left: 3px solid #c9d6e6; padding: 0.2em 0 0.2em 0.8em; margin-bottom: 0.6em; }
.ta-answer blockquote { border-left: 4px solid #2f6fb3; margin: 0.4em 0; padding: 0.3em 0.8em; background: #f3f7fc; white-space: pre-wrap; }
.ta-quote { margin: 0.4em 0 0.8em 0; }
.ta-cite { color: #333; font-size: 0.92em; margin: 0.1em 0 0.3em 0; }
.ta-level { margin: 0.2em 0; font-size: 0.92em; }
.ta-level-high .ta-level b { color: #1d6b2f; }
.ta-level-medium .ta-level b { color: #8a5a00; }
.ta-level-low .ta-level b { color: #8a1c1c; }
.ta-notice { color: #8a5a00; font-size: 0.9em; margin: 0.2em 0; }
.ta-abstain { font-weight: 600; color: #8a1c1c; background: #fdf1f1; padding: 0.4em 0.6em; border-radius: 6px; }
.ta-btn { border: 1px solid #b8c4d2; background: #fff; border-radius: 6px; padding: 0.15em 0.6em; margin: 0.15em 0.3em 0.15em 0; font-size: 0.88em; cursor: pointer; }
.ta-btn:hover { background: #eef2f7; }
.ta-feedback { margin: 0.3em 0; }
.ta-fb-status { color: #1d6b2f; font-size: 0.88em; }
.ta-sources li { margin-bottom: 0.7em; }
.ta-src-text { white-space: pre-wrap; color: #333; }
.ta-nearest-box summary { color: #666; }
.ta-nearest { border: 1px dashed #999; border-radius: 6px; padding: 0.3em 0.5em; color: #555; list-style-position: inside; }
.ta-tech { color: #666; font-size: 0.8em; }
.ta-divider { text-align: center; color: #666; margin: 0.8em 0; }
.ta-context { white-space: pre-wrap; line-height: 1.7; max-height: 560px; overflow-y: auto; border: 1px solid #d5dbe3;
  border-radius: 6px; padding: 0.2em 0.6em; margin-top: 0.3em; }
.ta-nearest-note { color: #8a1c1c; font-weight: 600; }
mark { background: #ffe58a; }
mark.ta-near { background: #eceff3; border-bottom: 2px dashed #888; color: inherit; }
#reports-panel .ta-upload-status { margin: 0.2em 0; }
.ta-upload-error { color: #8a1c1c; font-weight: 600; }
.ta-upload-done { color: #1d6b2f; }
@media (max-width: 800px) {
  #chat .ta-log { max-height: none; }
  /* A phone shows the title and the how-to smaller, so the question box is not screens away. */
  #ta-header h1 { font-size: 1.15em; }
  #ta-header p { font-size: 0.82em; line-height: 1.45; }
}
"""
# Chat log behaviour: copy buttons, buttons that ask the server (trigger), scrolling to the new answer.
CHAT_JS = """
document.documentElement.lang = 'zh-Hant';
const log = () => element.querySelector('.ta-log');
let turns = element.querySelectorAll('.ta-question').length;
const opened = new Set();
element.addEventListener('toggle', (e) => {
  const d = e.target; if (!d.matches || !d.matches('details')) return;
  const key = (d.closest('[data-turn]') || {}).dataset?.turn + ':' + d.className;
  if (d.open) opened.add(key); else opened.delete(key);
}, true);
element.addEventListener('click', (e) => {
  const btn = e.target.closest('button.ta-btn'); if (!btn) return;
  const d = btn.dataset;
  if (btn.classList.contains('ta-copy')) {
    const done = () => { btn.textContent = '已複製 Copied ✓'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(d.copy).then(done, () => { fallback(d.copy); done(); });
    } else { fallback(d.copy); done(); }
    return;
  }
  if (btn.classList.contains('ta-show')) {
    // One tap reaches the panel: scroll now (the section may already be shown) and again once it is replaced.
    window.__taJump = true;
    const panel = document.getElementById('source-context');
    if (panel) panel.scrollIntoView({block: 'start'});
  }
  const action = btn.classList.contains('ta-show') ? 'show' : btn.classList.contains('ta-fb') ? 'verdict' : 'right';
  trigger('click', {action: action, turn: +d.turn, quote: d.quote === undefined ? null : +d.quote,
                    rank: d.rank === undefined ? null : +d.rank, verdict: d.verdict || null});
});
function fallback(text) {
  const t = document.createElement('textarea'); t.value = text; document.body.appendChild(t);
  t.select(); document.execCommand('copy'); t.remove();
}
watch('value', () => {
  element.querySelectorAll('details').forEach((d) => {
    const key = (d.closest('[data-turn]') || {}).dataset?.turn + ':' + d.className;
    if (opened.has(key)) d.open = true;
  });
  const now = element.querySelectorAll('.ta-question').length;
  if (now > turns) {
    const q = element.querySelectorAll('.ta-question')[now - 1];
    const box = log();
    if (box && q) box.scrollTop = q.offsetTop - box.offsetTop;
    if (q) q.scrollIntoView({block: 'nearest'});
  }
  turns = now;
});
"""
# Source panel: scroll to the first highlight; after a "show in context" tap, bring the panel into view.
CONTEXT_JS = """
watch('value', () => {
  const box = element.querySelector('.ta-context');
  const mark = element.querySelector('.ta-context mark');
  if (box && mark) box.scrollTop = mark.offsetTop - box.offsetTop - 40;
  if (window.__taJump) { window.__taJump = false; element.scrollIntoView({block: 'start'}); }
});
"""
