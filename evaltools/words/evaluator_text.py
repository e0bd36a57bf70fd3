"""The evaluator's own text, read and shown: assessment, background, implementation, analysis, lessons and recommendations.

A report is more than the toolkit's figures: why a project ended early, what worked and what
should happen next only the evaluator can say. Per project the evaluator writes one Markdown file
per language beside the params file, ``params/text/<project-id>.sv.md`` (and, optionally,
``<project-id>.en.md`` for the English report), with a ``##`` heading per part::

    ## Sammanfattande bedömning
    Projektet nådde ...

    ## Genomförande
    ...

The known headings are in the catalogs (``evaluator.heading.*``) (either language's heading is accepted in either file);
a part left out or left empty is simply absent from the report. Each part is shown where it
belongs: the assessment on page 1, the background with the facts about the project, the
implementation before the goals, and the analysis, lessons and recommendations after the
figures.

The file is untrusted input. It is read as UTF-8 of bounded size; raw HTML is shown as text,
images are shown as their description only, and links are kept only to ``http``, ``https`` and ``mailto`` addresses
(`markdown-it-py <https://markdown-it-py.readthedocs.io/>`_ in CommonMark mode with HTML
disabled). A personnummer or a phone number anywhere in the text stops the report. The file may be UTF-8 or,
as Notepad saves "Unicode", UTF-16 with its byte-order mark. Every problem is named by file
and line, all at once, in one :class:`NarrativeError`.

Reading the text, and whether a report is a draft, import no statistics: the renderer asks it of each
report without importing the analyses. The checks of the text against the report's figures are in
:mod:`evaltools.present.narrative`.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from ..data.errors import EvaltoolsError
from ..data.privacy import find_personnummer, find_phone, redact
from ..data.params import BIDI_CONTROLS, CONTROL_CHARACTERS, read_label
from .text import LANGS, msg

TEXT_DIR = "text"
MAX_BYTES = 64 * 1024

# The parts in report order: key -> the catalog key of its heading (evaltools/locales/*.yaml)
HEADING_KEYS: dict[str, str] = {
    "assessment": "evaluator.heading.assessment",
    "background": "evaluator.heading.background",
    "implementation": "evaluator.heading.implementation",
    "analysis": "evaluator.heading.analysis",
    "lessons": "evaluator.heading.lessons",
    "recommendations": "evaluator.heading.recommendations",
}
KEYS = tuple(HEADING_KEYS)
# a line of guidance per part, for the skeleton `evaltools new` writes
GUIDANCE_KEYS: dict[str, str] = {
    "assessment": "evaluator.guidance.assessment",
    "background": "evaluator.guidance.background",
    "implementation": "evaluator.guidance.implementation",
    "analysis": "evaluator.guidance.analysis",
    "lessons": "evaluator.guidance.lessons",
    "recommendations": "evaluator.guidance.recommendations",
}


def heading(key: str, lang: str) -> str:
    """The heading of part ``key`` in ``lang`` (as the file writes it and the report shows it)."""
    return msg(HEADING_KEYS[key], lang)


_LINK_SCHEMES = ("http://", "https://", "mailto:")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


# a citation of a figure by name: {{ kostnad_per_deltagare }}
CITATION = re.compile(r"\{\{\s*([^{}\n]{0,200}?)\s*\}\}")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_escape(text: str) -> str:
    """``text`` with every ASCII punctuation character backslash-escaped: Markdown shows it as it is."""
    return _MD_SPECIAL.sub(r"\\\1", text)


class NarrativeError(EvaltoolsError, ValueError):
    """An evaluator's text that cannot be shown as it is."""


def text_path(params_path: str | Path, lang: str) -> Path:
    """Where a project's evaluator text lives: ``<params folder>/text/<project-id>.<lang>.md``.

    A folder of its own, so that the text files are never taken for projects' params files.
    """
    p = Path(params_path)
    return p.parent / TEXT_DIR / f"{p.stem}.{lang}.md"


PLAN_SUFFIX = "plan"  # params/text/<id>.plan.<lang>.md


def plan_path(params_path: str | Path, lang: str) -> Path:
    """Where a project's analysis plan lives: ``<params folder>/text/<project-id>.plan.<lang>.md``."""
    p = Path(params_path)
    return p.parent / TEXT_DIR / f"{p.stem}.{PLAN_SUFFIX}.{lang}.md"


def _heading_key(title: str) -> str | None:
    """The part a heading names, in either language (case and spacing aside); ``None`` if none."""
    norm = " ".join(read_label(title).split()).strip().rstrip(":").casefold()  # (pasted characters as the params read them)
    for key in KEYS:
        if norm in (heading(key, lang).casefold() for lang in LANGS):
            return key
    return None


def _no_address(url: str) -> bool:
    """Whether ``url`` names a file beside the text (``bild.png``, ``bilagor/plan.pdf``), not an address: no scheme
    (``https:``, ``javascript:``) and no other host (``//host/…``)."""
    u = url.strip().lower()
    drive = re.match(r"[a-z]:([\\/]|%5c)", u)  # (C:\\Users\\…: a file on a Windows disk, not a scheme)
    return (drive is not None or not re.match(r"[a-z][a-z0-9+.\-]*:", u)) and not u.startswith(("//", "\\\\"))


def _unlink_files(state) -> None:
    """A link to a file beside the text is shown as its words only: the report travels without the file (as an
    image's description is shown without the image)."""
    for tok in state.tokens:
        if tok.type != "inline" or not tok.children:
            continue
        kept, dropped = [], []
        for child in tok.children:
            if child.type == "link_open":
                dropped.append(_no_address(str(child.attrGet("href") or "")))
                if dropped[-1]:
                    continue
            elif child.type == "link_close" and dropped and dropped.pop():
                continue
            kept.append(child)
        tok.children = kept


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # an image would fetch or embed anything: only its description is shown, as text (an image of a file beside the
    # text, ![Diagram](bild.png), as much as one of an address: parsed, not left as its Markdown)
    md.add_render_rule("image", lambda _self, tokens, idx, _options, _env: escapeHtml(tokens[idx].content))
    md.validateLink = lambda url: url.strip().lower().startswith(_LINK_SCHEMES) or _no_address(url)  # type: ignore[method-assign]
    md.core.ruler.push("unlink_files", _unlink_files)
    return md


_MD = _markdown()


def to_html(source: str, heading_level: int = 3) -> str:
    """Markdown as safe HTML: raw HTML escaped, no images, links only to http(s) and mailto.

    Headings inside a part start at ``heading_level`` (a part's own heading is one level up).
    """
    html = _MD.render(source)

    def _shift(m: re.Match) -> str:  # the file's ### is the first level inside a part
        return f"<{m.group(1)}h{min(6, max(heading_level, int(m.group(2)) - 3 + heading_level))}"

    html = re.sub(r"<(/?)h([1-6])", _shift, html)
    return re.sub(r"<a href=", "<a rel='nofollow noopener' href=", html)


@dataclass
class Narrative:
    """The evaluator's text of one report: the Markdown source of each part that has some.

    ``parts`` maps a key of :data:`KEYS` to its Markdown; a part left out or empty is absent.
    ``source`` is the file it was read from (``None``: there is no evaluator text in this language).
    """

    lang: str
    parts: dict[str, str] = field(default_factory=dict)
    source: Path | None = None
    other_languages: tuple[str, ...] = ()  # languages that do have a text, when this one has none
    lines: dict[str, int] = field(default_factory=dict)  # the file's line number of each part's first line
    # the report's figures as shown, by name, for the citations ({{ name }}); see :meth:`bind`
    figures: Callable[[], Mapping[str, str]] | None = field(default=None, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __contains__(self, key: str) -> bool:
        return key in self.parts

    def heading(self, key: str) -> str:
        return heading(key, self.lang)

    def bind(self, figures: Callable[[], Mapping[str, str]]) -> None:
        """Take the cited figures from ``figures()``: the report's figures as it shows them, by name
        (called only when a part cites one)."""
        self.figures = figures

    def line_of(self, key: str, offset: int) -> int:
        """The file's line number of character ``offset`` in part ``key``."""
        return self.lines.get(key, 1) + self.parts[key].count("\n", 0, offset)

    def citations(self) -> list[tuple[int, str]]:
        """(line, name as typed) of every citation ``{{ name }}`` in the text, in file order."""
        return sorted((self.line_of(k, m.start()), m.group(1)) for k, v in self.parts.items()
                      for m in CITATION.finditer(v))

    def citation_problems(self, names: Iterable[str]) -> list[tuple[int, str]]:
        """(line, problem) for each citation of a name that is not among ``names``."""
        names = list(names)
        known = {fold(n) for n in names}
        out = []
        for line, typed in self.citations():
            if fold(typed) in known:
                continue
            close = difflib.get_close_matches(fold(typed), names, n=len(names), cutoff=0.5)
            order = close + sorted(n for n in names if n not in close)
            listed = ", ".join(order) if order else msg("evaluator.text_error.no_figures", self.lang)
            out.append((line, msg("evaluator.text_error.unknown_figure", self.lang, typed=typed[:80], listed=listed)))
        return out

    def resolved(self, key: str) -> str:
        """Part ``key``'s Markdown with each citation ``{{ name }}`` replaced by the figure as the
        report shows it (escaped, so that a figure is always plain text).

        Raises
        ------
        NarrativeError
            When a citation (in any part) names no figure of the report, naming file, line, the name
            and the names there are; or when the text cites figures and there is no report.
        """
        src = self.parts[key]
        if not CITATION.search(src):
            return src
        where = self.source or "<text>"
        if self.figures is None:
            raise NarrativeError(msg("evaluator.text_error.no_report", self.lang, where=str(where)))
        shown = self.figures()
        problems = self.citation_problems(shown)
        if problems:
            raise NarrativeError(_cannot_use(where, problems, self.lang))
        by_fold = {fold(n): v for n, v in shown.items()}
        return CITATION.sub(lambda m: markdown_escape(by_fold[fold(m.group(1))]), src)

    def html(self, key: str, heading_level: int = 3) -> str:
        """One part as safe HTML ('' when the part is absent), citations filled in."""
        return to_html(self.resolved(key), heading_level) if key in self.parts else ""

    def plain(self, key: str) -> list[str]:
        """One part as plain paragraphs (list items and headings each a paragraph), without markup."""
        if key not in self.parts:
            return []
        out = []
        for tok in _MD.parse(self.resolved(key)):
            if tok.type == "inline":
                words = [c.content for c in tok.children or [] if c.type in ("text", "code_inline")
                         or c.type == "softbreak" and not c.content]
                # (ASCII white space only: a cited figure keeps its non-breaking spaces)
                out.append(_SPACES.sub(" ", "".join(" " if w == "" else w for w in words)).strip(" "))
        return [p for p in out if p]

    @property
    def table(self) -> pd.DataFrame:
        """One row per part present: key, heading and number of words."""
        return pd.DataFrame([{"part": k, "heading": self.heading(k), "words": len(v.split())}
                             for k, v in self.parts.items()], columns=["part", "heading", "words"])

    def __repr__(self) -> str:
        if not self.parts:
            return f"Narrative({self.lang}: no evaluator text)"
        return f"Narrative({self.lang}: {', '.join(self.heading(k) for k in self.parts)})"


_TAG = re.compile(r"<[^>]*>")
_ATTR = re.compile(r"""\s[\w-]+=(?:'([^']*)'|"([^"]*)")""")
MAX_PNR_PROBLEMS = 20


def _published_text(source: str) -> str:
    """What a reader sees of Markdown ``source``: rendered as the report renders it (comments
    dropped), tags removed, entities decoded, plus every link address and title (percent-decoded)."""
    from html import unescape
    from urllib.parse import unquote
    rendered = to_html(_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source))
    attrs = [unquote(unescape(a or b)) for a, b in _ATTR.findall(rendered)]
    return "\n".join([unescape(_TAG.sub("", rendered)), *attrs])


def _shown_with(find: Callable[[object], bool], lines: list[str]) -> bool:
    return find(_published_text("\n".join(lines)))


def _cannot_use(where: str | Path, problems: list[tuple[int, str]], lang: str) -> str:
    """The message of an evaluator's text that cannot be used: its file, then each problem's line and what it is."""
    return (msg("evaluator.text_error.cannot_use", lang, where=str(where)) + "\n  " + "\n  ".join(
        msg("evaluator.text_error.line", lang, line=str(line), what=what) for line, what in sorted(problems)))


def personnummer_problems(text: str, lang: str = "sv") -> list[tuple[int, str]]:
    """Lines of an evaluator's Markdown that hold something shaped like a personnummer, as
    ``(line, what)`` pairs; the number itself is never repeated.

    Checked twice: every line as written, and the text as the report shows it (rendered to HTML,
    tags stripped, entities decoded, lines joined, link addresses included), so that
    ``811218-**9876**``, ``811218\\-9876``, ``811218&#45;9876``, a number split over two lines or
    around a link is found too. A number found only in the rendered text is named by the smallest
    range of source lines that shows it.
    """
    return _number_problems(text, find_personnummer, msg("evaluator.text_error.personnummer", lang), lang)


def phone_problems(text: str, lang: str = "sv") -> list[tuple[int, str]]:
    """Lines of an evaluator's Markdown that hold something shaped like a phone number (a participant's, 'nås på
    070-123 45 67'), found as :func:`personnummer_problems` finds a personnummer
    (:func:`evaltools.data.privacy.find_phone`); the number itself is never repeated."""
    return _number_problems(text, find_phone, msg("evaluator.text_error.phone", lang), lang)


def _number_problems(text: str, find: Callable[[object], bool], said: str, lang: str) -> list[tuple[int, str]]:
    """The lines of ``text`` where ``find`` finds a number, as written or as the report shows it (see
    :func:`personnummer_problems`), each as ``(line, said)``."""
    lines = text.splitlines()
    problems = [(i, said) for i, line in enumerate(lines, 1) if find(line)]
    flagged = {i for i, _ in problems}
    pos = 0
    while pos < len(lines) and len(problems) < MAX_PNR_PROBLEMS and _shown_with(find, lines[pos:]):
        lo, hi = pos + 1, len(lines)  # the first end line at which the number is shown
        while lo < hi:
            mid = (lo + hi) // 2
            if _shown_with(find, lines[pos:mid]):
                hi = mid
            else:
                lo = mid + 1
        end = lo
        lo, hi = pos, end - 1  # the last start line from which it still is
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if _shown_with(find, lines[mid:end]):
                lo = mid
            else:
                hi = mid - 1
        start = lo if _shown_with(find, lines[lo:end]) else pos
        if not flagged & set(range(start + 1, end + 1)):
            span = "" if end == start + 1 else msg("evaluator.text_error.together_with", lang, end=str(end))
            what = msg("evaluator.text_error.personnummer_shown", lang, span=span, what=said)
            problems.append((start + 1, what))
        pos = end
    return problems


# what is left of a figure's braces once the whole citations are taken out: two braces, or template code's {% %}
_OPEN_BRACES = re.compile(r"\{\{|\}\}|\{%|%\}")


def open_braces(lines: list[str], lang: str = "sv") -> list[tuple[int, str]]:
    """Lines of an evaluator's Markdown with braces that are no whole citation of a figure (``{{ antal_deltagare``
    left open, ``{{mal_x}``, template code ``{% include … %}``), as ``(line, what)`` pairs: the report would show
    them as written. A single brace is text ("{a, b}")."""
    out = []
    for i, line in enumerate(lines, 1):
        rest = CITATION.sub(" ", line)
        if (m := _OPEN_BRACES.search(rest)) is not None:
            found = rest[max(0, m.start() - 10):m.end() + 30].strip()
            out.append((i, msg("evaluator.text_error.open_braces", lang, found=found[:60])))
    return out


def parse(text: str, source: str | Path = "<text>", lang: str = "sv") -> Narrative:
    """Split an evaluator's Markdown into its parts; every problem at once in a :class:`NarrativeError`.

    Problems: text before the first heading, a heading that is not one of the parts' headings, a
    heading given twice, braces that are no whole citation of a figure (:func:`open_braces`), and anything that
    looks like a personnummer or a phone number (the line is named, the number is not repeated).
    """
    problems: list[tuple[int, str]] = personnummer_problems(text, lang)
    pnr = {line for line, _ in problems}  # (a line of a personnummer is not told of a phone number as well)
    problems += [(line, what) for line, what in phone_problems(text, lang) if line not in pnr]
    # comments (the skeleton's guidance) are dropped, keeping the line numbers
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = text.splitlines()
    problems += open_braces(lines, lang)
    known = ", ".join(f"'{heading(k, lang)}'" for k in KEYS)
    # the section headings as the Markdown parser sees them (not a '#' inside a code block)
    tokens = _MD.parse(text)
    starts: list[tuple[int, int, str]] = []  # (first line, first body line, key), 0-based
    seen: dict[str, int] = {}
    for j, tok in enumerate(tokens):
        if tok.type != "heading_open" or tok.tag not in ("h1", "h2"):
            continue
        title = tokens[j + 1].content if j + 1 < len(tokens) else ""
        line0, line1 = tok.map if tok.map else (0, 1)
        key = _heading_key(title)
        if key is None:
            problems.append((line0 + 1, msg("evaluator.text_error.unknown_heading", lang, title=title[:80],
                                            known=known)))
            continue
        if key in seen:
            problems.append((line0 + 1, msg("evaluator.text_error.twice", lang, title=title[:80],
                                            first=str(seen[key]))))
            continue
        seen[key] = line0 + 1
        starts.append((line0, line1, key))
    first = starts[0][0] if starts else len(lines)
    stray = next((i for i, line in enumerate(lines[:first], 1) if line.strip()), None)
    if stray is not None and not any(line == stray for line, _ in problems):
        problems.append((stray, msg("evaluator.text_error.before_heading", lang, known=known)))
    if problems:
        raise NarrativeError(redact(_cannot_use(source, problems, lang)))  # (never echo a number)
    parts: dict[str, str] = {}
    first_line: dict[str, int] = {}
    bounds = [s[0] for s in starts[1:]] + [len(lines)]
    for (_l0, body0, key), end in zip(starts, bounds):
        body = "\n".join(lines[body0:end]).strip()
        if body:
            parts[key] = body
            first_line[key] = body0 + 1 + next(i for i, line in enumerate(lines[body0:end]) if line.strip())
    return Narrative(lang, {k: parts[k] for k in KEYS if k in parts}, Path(source) if source != "<text>" else None,
                     lines=first_line)


def decoded(data: bytes, errors: str = "strict") -> str:
    """The text of an evaluator's text file: UTF-8 (a byte-order mark before it left out) or, as Notepad saves
    'Unicode', UTF-16 with its byte-order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors)
    return data.decode("utf-8-sig", errors)


def read(path: str | Path, lang: str = "sv") -> Narrative:
    """Read and check one evaluator text file (see :func:`parse`)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise NarrativeError(msg("evaluator.text_error.too_big", lang, path=str(path), size=str(size),
                                 max=str(MAX_BYTES)))
    try:
        text = decoded(path.read_bytes())
    except UnicodeDecodeError as e:
        raise NarrativeError(msg("evaluator.text_error.not_utf8", lang, path=str(path), byte=str(e.start))) from None
    except OSError as e:  # (open in a program that locks it, or in OneDrive and not on the computer)
        raise NarrativeError(msg("evaluator.text_error.unreadable", lang, path=str(path),
                                 reason=str(e.strerror or type(e).__name__)[:120])) from None
    control = CONTROL_CHARACTERS.search(text)
    if control:  # NUL, BEL, ESC, ...: invisible, and no document format takes them all
        line = text.count("\n", 0, control.start()) + 1
        raise NarrativeError(msg("evaluator.text_error.control", lang, path=str(path), line=str(line),
                                 code=f"{ord(control.group()):04X}"))
    # (a character that turns the direction text is shown in, U+202E, would show a sentence backwards: removed, as
    # from the params file's texts)
    n = parse(BIDI_CONTROLS.sub("", text), path, lang)
    n.source = path
    return n


def load(params_path: str | Path | None, lang: str) -> Narrative:
    """The evaluator's text for a report in ``lang``, or an empty one when there is no file.

    An English report never shows the Swedish text (and vice versa): without a file in the
    report's language the report has no evaluator text, and ``other_languages`` says where there is one.
    """
    if params_path is None:
        return Narrative(lang)
    path = text_path(params_path, lang)
    if path.is_file():
        return read(path, lang)
    # (a skeleton left as `evaltools new` wrote it, headings and comments only, is no text in that language)
    others = tuple(o for o in ("sv", "en") if o != lang and _has_text(text_path(params_path, o), o))
    return Narrative(lang, other_languages=others)


def _has_text(path: Path, lang: str) -> bool:
    """Whether the evaluator's file at ``path`` exists and holds text a report shows (a file that
    cannot be read counts as text, so that its own message is not hidden)."""
    if not path.is_file():
        return False
    try:
        return bool(read(path, lang))
    except NarrativeError:
        return True


def skeleton(lang: str = "sv") -> str:
    """The skeleton `evaltools new` writes: every heading with a line of guidance (as comments,
    which the report does not show)."""
    out = [f"<!-- {msg('evaluator.guidance.intro', lang)} -->", ""]
    for key in KEYS:
        out += [f"## {heading(key, lang)}", "", f"<!-- {msg(GUIDANCE_KEYS[key], lang)} -->", ""]
    return "\n".join(out)



_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "-": "_", " ": "_"})


def fold(name: str) -> str:
    """A name as the registry spells it: lower case, å/ä/ö as a/a/o, hyphens and spaces as ``_``."""
    s = unicodedata.normalize("NFC", name.strip()).casefold().translate(_FOLD)
    return s


def has_assessment(params_path: str | Path | None, lang: str) -> bool:
    """Whether the evaluator's text in ``lang`` has an overall assessment (a broken file has none)."""
    if params_path is None or not text_path(params_path, lang).is_file():
        return False
    try:
        return "assessment" in read(text_path(params_path, lang), lang)
    except NarrativeError:
        return False


def draft(n: Narrative, params_path: str | Path | None) -> bool:
    """Whether a report with text ``n`` is a draft: the evaluator has written no overall
    assessment, in this language or (when this language has no text) in another."""
    if "assessment" in n:
        return False
    return not any(has_assessment(params_path, o) for o in n.other_languages)


def is_draft(params_path: str | Path, lang: str) -> bool:
    """Whether the report of ``params_path`` in ``lang`` is a draft (see :func:`draft`); a text
    that cannot be read leaves the report a draft."""
    try:
        return draft(load(params_path, lang), params_path)
    except NarrativeError:
        return True
