"""Command line: ``evaltools`` (also ``python -m evaltools``).

    evaltools list                         projects in params/
    evaltools validate timra-vagen-ut      check a project's data and the evaluator's text without rendering
    evaltools render timra-vagen-ut        render one project (HTML, PDF, CSV, xlsx)
    evaltools render --all                 every project plus the portfolio, in parallel
    evaltools new mitt-projekt             params and empty data templates for a new project
    evaltools kolada N31807 0305 --project mitt-projekt
                                           a municipality's Kolada series, kept in the project's data folder
    evaltools docs [data-contract]         the documentation's files, or one document printed

Exit codes: 0 success, 1 a project failed (validation or rendering), 2 usage error, 130 interrupted (Ctrl+C).
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
import json
import os
import re
import signal
import sys
import unicodedata
from pathlib import Path
from typing import NoReturn

from .._version import __version__
from ..data.errors import EvaltoolsError
from ..data.messages import DEFAULT_LANG, message
from ..data.paths import (DATA_DIR, PARAMS_DIR, REPORTS_DIR, all_params, in_link_loop, is_file, is_folder, params_path,
                          pin_project_root)
from ..data.privacy import find_personnummer, redact

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl+C


def _lang(args: argparse.Namespace) -> str:
    """The language of what the command prints: ``--lang``, else Swedish (a project's own language,
    once its params file is read, for the lines about that project)."""
    return getattr(args, "lang", None) or DEFAULT_LANG


def _say(key: str, lang: str, /, **values: object) -> str:
    """A line of the command's output in ``lang`` (``key``: the catalogs' ``messages.cli.*``)."""
    return message(key, lang, **values)


def _project_path(ref: str) -> Path:
    """The params file ``ref`` names (:func:`params_path`), its backslashes read as folders where it is written the
    Windows way on another system (``.\\params\\x.yaml``, copied from a colleague's PowerShell) and only so found."""
    path = params_path(ref)
    if "\\" in ref and not is_file(path):
        slashed = params_path(ref.replace("\\", "/"))
        if is_file(slashed):
            return slashed
    return path


def _folded_id(text: str) -> str:
    """A project id as it may have been meant: lower case, without accents (å, ä, ö as a, a, o), a space or an
    underscore as a hyphen, and no .yaml."""
    text = re.sub(r"\.ya?ml$", "", text.strip().casefold())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", "-", text)


def _meant_project(ref: str, known: list[str]) -> str | None:
    """The project of ``known`` (ids) that ``ref``, a project not found, probably means: the same id in other letters
    (``Timra-Vagen-Ut``, ``timrå-vägen-ut``, ``TIMRA-VAGEN-UT.yaml``), else the one spelt closest; None for none."""
    stem = _folded_id(ref.replace("\\", "/").rsplit("/", 1)[-1])
    folded: dict[str, list[str]] = {}
    for k in known:
        folded.setdefault(_folded_id(k), []).append(k)
    near = [stem] if stem in folded else difflib.get_close_matches(stem, list(folded), n=1, cutoff=0.75)
    # (two projects alike but for their letters, Mitt-Projekt and mitt_projekt: which is meant is not guessed)
    return folded[near[0]][0] if near and len(folded[near[0]]) == 1 else None


def _spaced_path(refs: list[str]) -> tuple[str, int] | None:
    """A path with spaces written without quotes (``C:\\Users\\Anna Berg\\params\\x.yaml``), which the shell gives as
    several arguments: the path and how many they were, where adjacent arguments joined by a space name a file."""
    for i in range(len(refs)):
        for j in range(i + 2, len(refs) + 1):
            joined = " ".join(refs[i:j])
            if joined.casefold().endswith((".yaml", ".yml")) and is_file(_project_path(joined)):
                return joined, j - i
    return None


def _projects(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[Path]:
    lang = _lang(args)
    if args.all and args.projects:
        parser.error(_say("cli.both", lang))
    paths = all_params() if args.all else [_project_path(p) for p in args.projects]
    if not paths:
        parser.error(_say("cli.none", lang))
    # (a link to itself is said by the params file's check: 'ingen parameterfil; menade du x?' of the x typed misled)
    missing = ([(ref, p) for ref, p in zip(args.projects, paths) if not is_file(p) and not in_link_loop(p)]
               if not args.all else [])
    if missing:
        ids = [p.stem for p in all_params()]
        known = ", ".join(redact(i) for i in ids) or _say("cli.no_projects", lang)
        if any(not ref.strip() for ref, _ in missing):  # (not the current folder, nor params/.yaml)
            parser.error(_say("cli.empty_id", lang, folder=PARAMS_DIR, known=known))
        spaced = _spaced_path(args.projects)
        if spaced is not None:  # (the path as one, in quotes, is what to type)
            parser.error(_say("cli.path_spaces", lang, path=redact(spaced[0]), n=spaced[1], command=args.command))
        folders = [ref for ref, _ in missing if is_folder(Path(ref.replace("\\", "/")))]
        if folders:
            parser.error(_say("cli.no_params_folder", lang, path=redact(_named_path(folders[0])), folder=PARAMS_DIR,
                              known=known))
        meant = [(_named_path(p), m) for ref, p in missing if (m := _meant_project(ref, ids)) is not None]
        if len(meant) == len(missing):  # (each one a project written in other letters, or misspelt: what to type)
            parser.error(_say("cli.no_params_meant", lang, missing=redact(", ".join(p for p, _ in meant)),
                              near=redact(", ".join(m for _, m in meant)), command=args.command,
                              ids=redact(" ".join(m for _, m in meant))))
        parser.error(_say("cli.no_params", lang, missing=redact(", ".join(_named_path(p) for _, p in missing)),
                          folder=PARAMS_DIR, known=known))
    return paths


def cmd_list(args) -> int:
    from ..data.errors import ParamsError  # start-up: each command imports only what it uses
    from ..data.params import load_params  # start-up: each command imports only what it uses
    lang = _lang(args)
    for p in all_params():
        try:
            prm = load_params(p)
            print(f"{prm.id:32} {prm.period.start} – {prm.period.end}  {prm.title}")
        except EvaltoolsError as e:
            # (the refusal's head and its first problem, in the session's language: 'INVALID' was English in both)
            said = e.message(lang) if isinstance(e, ParamsError) else str(e)
            first = " ".join(line.strip() for line in said.splitlines()[:2])
            print(f"{redact(p.stem):32} {_say('cli.list_invalid', lang, problem=first)}")
    return EXIT_OK


def cmd_validate(args, parser) -> int:
    from ..data.project import load_project  # start-up: each command imports only what it uses
    from ..data.params import project_kind  # start-up: each command imports only what it uses
    status = EXIT_OK
    for path in _projects(args, parser):
        try:
            project = load_project(path, lang=args.lang)  # (every problem in one language: --lang, else the project's)
        except EvaltoolsError as e:
            print(f"{_say('cli.refused', _lang(args), id=redact(path.stem))}\n{_refusal(path, e, args)}\n", file=sys.stderr)
            status = EXIT_FAILED
            continue
        n = len(project.participants)
        lang = args.lang or project.params.language
        # (a structural project or an application has no enrolments to count: its kind is said instead of '0')
        kind = project_kind(project)
        key = ("cli.validated_one" if n == 1 else "cli.validated" if n or kind == "individ"
               else "cli.validated_struktur" if kind == "struktur" else "cli.validated_ansokan")
        print(_say(key, lang, id=project.id, n=n, k=len(project.warnings)))
        for w in project.warnings:
            print(f"    {message('note.prefix', lang)}: {w.text(lang)}")
        for w in project.notices:  # (the columns not read: for the evaluator, never in the report)
            print(f"    {message('notice.prefix', lang)}: {w.text(lang)}")
        for hint in (_kind_hint(project.params, lang), _english_hint(project.params, lang)):  # (what the
            if hint:                                                                      # report does not say)
                print(f"    {hint}")
        for hint in _newcomer_hints(project.params, lang):  # (what was left as `evaltools new` wrote it)
            print(f"  ! {project.id}: {hint}")
        for hint in _support_need_hints(project, lang):  # (a qualitative goal's evidence, for the evaluator)
            print(f"  ! {project.id}: {hint}")
        for hint in _emoji_hints(project, lang):  # (characters the report's fonts lack: left out of the report)
            print(f"  ! {project.id}: {hint}")
        status = max(status, _validate_text(project, lang))
    from .render import one_folder  # start-up: each command imports only what it uses
    for said in one_folder(_projects(args, parser), _lang(args)).values():  # (render would refuse them)
        print(f"✗ {said}\n", file=sys.stderr)
        status = EXIT_FAILED
    return status


def _emoji_hints(project, lang: str) -> list[str]:
    """Where the evaluator's text (each line) or a budget line's name has emoji, which the report's fonts lack and
    the report leaves out (the PDF showed empty boxes), and each line of the params file with them: named with the
    file, so the evaluator can say it in words."""
    from ..words.evaluator_text import decoded, text_path  # start-up: each command imports only what it uses
    from ..words.formats import emoji_in  # start-up: each command imports only what it uses
    out = []
    source = project.params.source_path
    text = text_path(source, lang) if source is not None else None
    # (the text, and the params file's lines: a goal's label, the title, a data file's name, which the appendix's
    # checksums would print without them, naming a file that is not there; a comment, printed in the appendix)
    for path in (p for p in (text, source) if p is not None):
        try:  # (a file another program holds, or one the system refuses: its own check says so, not a traceback)
            # (the evaluator's text as it is read, UTF-16 too)
            lines = decoded(path.read_bytes(), errors="replace").splitlines() if path == text else \
                path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            lines = []
        for number, line in enumerate(lines, start=1):
            if found := emoji_in(line):
                out.append(_say("cli.emoji_left_out", lang, file=path.name, line=number, chars=" ".join(found)))
    budget = getattr(project, "budget", None)
    if budget is not None and "category" in budget:
        name = project.params.data.budget.name if project.params.data.budget is not None else "budget"
        for category in dict.fromkeys(str(c) for c in budget["category"]):
            if found := emoji_in(category):
                out.append(_say("cli.emoji_left_out_budget", lang, file=name, category=category,
                                chars=" ".join(found)))
    return out


def _support_need_hints(project, lang: str) -> list[str]:
    """For a qualitative goal of a need of försörjningsstöd lessened ("minskat sitt behov av försörjningsstöd",
    refused as a count of exits): the payments' figures its evidence may give, person by person; none without
    payments."""
    from ..analysis.comparison import support_need  # start-up: each command imports only what it uses
    from ..data.params import support_need_words  # start-up: each command imports only what it uses
    goals = [(g, words) for g in project.params.goals if g.kind == "qualitative"
             and (words := support_need_words(g.label) or support_need_words(g.label_en))]
    counts = support_need(project) if goals else None
    if counts is None:
        return []
    return [_say("cli.support_need", lang, goal=g.id, words=words, ended=counts.ended, had=counts.had,
                 less=counts.less, none=counts.none, not_paid=counts.not_paid, unknown=counts.unknown,
                 months=counts.months) for g, words in goals]


def _kind_hint(params, lang: str) -> str:
    """How to state the kind of project when the params leave it to be inferred; empty when stated."""
    from ..data.params import kind_inferred, kind_reason  # start-up: each command imports only what it uses
    from ..words.text import msg  # start-up: each command imports only what it uses
    if not kind_inferred(params):
        return ""
    return _say("cli.kind_inferred", lang, reason=msg(kind_reason(params), lang))


# words only one of the two languages writes a goal with (none that both do: 'per', 'in', 'av'): a text with more
# English words than Swedish, and no å, ä or ö, is in English already
_SWEDISH_WORDS = frozenset(("och", "att", "ska", "skall", "av", "till", "som", "med", "för", "minst", "högst", "deltagare",
                            "deltagarna", "eller", "andel", "andelen", "antal", "arbete", "studier", "projektet", "inom",
                            "efter", "från", "varje", "procent", "personer", "mål", "unga", "fler", "nya", "ökad", "ut"))
_ENGLISH_WORDS = frozenset(("the", "and", "of", "to", "shall", "will", "should", "at", "least", "participants",
                            "participant", "year", "years", "share", "who", "with", "within", "after", "or", "into",
                            "work", "studies", "from", "a", "an", "exit", "exits", "project", "be", "are", "is", "more",
                            "than", "enrolled", "each", "people", "persons", "young", "fewer", "new",
                            "percent", "training", "employment", "number"))


def _reads_english(text: str) -> bool:
    """Whether a goal's text is written in English already (more English words than Swedish ones, no å, ä or ö): an
    English report shows it as it stands, so no ``label_en`` is asked for.

    >>> [_reads_english(t) for t in ("At least 40 participants a year", "Minst 40 deltagare per år", "procent",
    ...                              "participants", "Jobbcoacher", "40 % to work or studies")]
    [True, False, False, True, False, True]
    """
    if any(c in text.casefold() for c in "åäö"):
        return False
    words = [w.strip(".,;:()'\"!?%").casefold() for w in text.split()]
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english > 0 and english > sum(w in _SWEDISH_WORDS for w in words)


def swedish_only(params) -> list[str]:
    """The params' texts an English report shows in Swedish because the file has no English wording:
    the keys to add, as the params file spells them (``description_en``, ``goals: studier (label_en)``). The
    title is a name and may stay Swedish; a goal's text written in English already asks for none."""
    out = ["description_en"] if params.description and not params.description_en else []
    tp = params.target_population
    if tp is not None and tp.description and not tp.description_en:
        out.append("target_population.description_en")
    level = params.cost_benefit.monthly_level
    if level.source and not (level.source_en or "").strip():
        out.append("cost_benefit.monthly_level.source_en")
    for g in params.goals:
        keys = [k for k, sv, en in (("label_en", g.label, g.label_en),
                                    ("evidence_en", getattr(g, "evidence", None), getattr(g, "evidence_en", None)),
                                    ("unit_en", getattr(g, "unit", None), getattr(g, "unit_en", None)))
                if sv and not en and not _reads_english(str(sv))]
        if keys:
            out.append(f"goals: {g.id} ({', '.join(keys)})")
    return out


def _english_hint(params, lang: str) -> str:
    """For an English report: the params' texts it shows in Swedish, and how to give them in English."""
    missing = swedish_only(params) if lang == "en" else []
    return _say("cli.swedish_in_english", lang, keys="; ".join(missing)) if missing else ""


@functools.cache
def _template_goal_labels() -> tuple[str, ...]:
    """The labels of the example goals the params template of ``evaltools new`` writes."""
    import yaml  # start-up: each command imports only what it uses
    return tuple(g["label"] for g in yaml.safe_load(template_text("x", "x", "x", "sv"))["goals"])


def example_goals(params) -> list[str]:
    """The ids of the params' goals that are still the examples ``evaltools new`` wrote (the same label):
    a report would state them as the application's goals."""
    return [g.id for g in params.goals if g.label in _template_goal_labels()]


def plan_with_example_goals(params) -> Path | None:
    """The analysis plan ``evaltools new`` wrote beside the params (:func:`evaltools.words.evaluator_text.plan_path`)
    when it still lists an example goal of the params template that the params no longer hold: the plan was
    written from the examples, and the report's appendix cites it."""
    from ..words.evaluator_text import plan_path  # start-up: each command imports only what it uses
    if params.source_path is None:
        return None
    plan = plan_path(params.source_path, params.language)
    try:
        text = plan.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # (no plan, or one the evaluator saved otherwise: nothing to compare)
        return None
    held = {g.label for g in params.goals}
    return plan if any(f"- {label} (" in text and label not in held for label in _template_goal_labels()) else None


def open_data_files(params) -> list[tuple[Path, Path]]:
    """``(data file, lock file)`` for each data file the params name that is open in Excel or LibreOffice
    now: beside it is the lock file the program keeps while the file is open (``~$deltagare.xlsx``, or with
    a long name its first two letters replaced, ``~$ltagare.xlsx``; ``.~lock.deltagare.xlsx#``). What is
    read is the file as last saved, without the changes on the screen."""
    d = params.data
    named = [getattr(d, key, None) for key in ("participants", "payments", "budget", "responses", "questions",
                                               "earnings", "benefits")]
    if d.comparison is not None:
        named += [d.comparison.persons, d.comparison.payments]
    out = []
    for path in dict.fromkeys(p for p in named if isinstance(p, Path)):
        locks = [path.with_name(f"~${path.name}"), path.with_name(f"~${path.name[2:]}"),
                 path.with_name(f".~lock.{path.name}#")]
        lock = next((x for x in locks if x.name != path.name and x.is_file()), None)
        if lock is not None:
            out.append((path, lock))
    return out


def unnamed_sheets(params) -> list[tuple[str, Path]]:
    """``(sheet, workbook)`` for each sheet of the Excel template (:mod:`evaltools.data.template`) that has
    rows below its header in a workbook the params name, while the params do not name that workbook for it:
    a questionnaire or register sheet filled in is read only once ``data:`` names it, and is otherwise left
    out without a word."""
    from ..data.template import FIRST_DATA_ROW, TABLES  # start-up: each command imports only what it uses
    d = params.data
    named = {t.name: getattr(d, t.name, None) for t in TABLES}
    unnamed = {sheet for sheet, path in named.items() if path is None}
    books = dict.fromkeys(p for p in named.values() if isinstance(p, Path) and p.suffix.lower() == ".xlsx")
    return [(sheet, book) for book in books for sheet in _sheets_with_rows(book, unnamed, FIRST_DATA_ROW)]


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _sheets_with_rows(book: Path, sheets: set[str], first_row: int) -> list[str]:
    """Which of ``sheets`` in the workbook ``book`` hold a value in row ``first_row`` or below. Read from the
    workbook's parts, those sheets only: openpyxl, even read-only, reads every shared string of the workbook
    first (8 s for a workbook with 200 000 payment rows beside the sheets looked at)."""
    import zipfile  # start-up: each command imports only what it uses
    from xml.etree import ElementTree  # start-up: each command imports only what it uses
    found = []
    try:
        with zipfile.ZipFile(book) as z:
            workbook = ElementTree.fromstring(z.read("xl/workbook.xml"))
            parts = {r.get("Id"): r.get("Target", "") for r in ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
            for sheet in workbook.iter(f"{_MAIN}sheet"):
                name = sheet.get("name", "")
                if name not in sheets:
                    continue
                part = parts.get(sheet.get(f"{_RELATION}id"), "")
                part = part.lstrip("/") if part.startswith("/") else f"xl/{part}"
                with z.open(part) as f:
                    for _event, row in ElementTree.iterparse(f):
                        if row.tag != f"{_MAIN}row":
                            continue
                        if int(row.get("r", "0")) >= first_row and any(
                                (v.text or "").strip() for v in row.iter() if v.tag in (f"{_MAIN}v", f"{_MAIN}t")):
                            found.append(name)
                            break
                        row.clear()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError):  # (the loader says what is wrong)
        return []
    return found


def _newcomer_hints(params, lang: str) -> list[str]:
    """Lines for the evaluator about what the params file still holds as ``evaltools new`` wrote it, the
    data files open in Excel as the command reads them and the template's sheets filled in but not read."""
    goals = example_goals(params)
    base = params.source_path.parent if params.source_path is not None else Path.cwd()
    plan = plan_with_example_goals(params)
    told = [_say("cli.plan_example_goals", lang, path=plan)] if plan is not None else []
    return told + ([_say("cli.example_goals", lang, goals=", ".join(goals))] if goals else []) + [
        _say("cli.open_in_excel", lang, file=redact(path.name), lock=redact(lock.name))
        for path, lock in open_data_files(params)] + [
        _say("cli.sheet_not_named", lang, sheet=sheet, file=redact(book.name),
             line=f"{sheet}: {redact(Path(os.path.relpath(book, base)).as_posix())}")
        for sheet, book in unnamed_sheets(params)]


def _kind_hints(paths: list[Path], lang: str) -> None:
    """After a render: for each params file that leaves the kind of project to be inferred, how to state
    it, and in an English report the texts the params give only in Swedish."""
    from ..data.params import load_params_once  # start-up: each command imports only what it uses
    for path in paths:
        try:
            params = load_params_once(path)
        except EvaltoolsError:  # (a file that does not load is reported by the render itself)
            continue
        for hint in (_kind_hint(params, lang), _english_hint(params, lang), *_newcomer_hints(params, lang)):
            if hint:
                print(f"  {params.id}: {hint}")


def _drafts_where_to_write(paths: list[Path], drafts: set[str], lang: str | None) -> None:
    """After a render: for each report made as a draft, where its overall assessment goes (in the report's
    language: ``lang``, else the project's)."""
    from ..data.params import load_params_once  # start-up: each command imports only what it uses
    for path in paths:
        try:
            params = load_params_once(path)
        except EvaltoolsError:  # (a file that does not load is reported by the render itself)
            continue
        if params.id in drafts:
            print(_where_to_write(params.id, path, lang or params.language))


def _other_placeholders(path: Path, said: str) -> list:
    """The placeholders of ``evaltools new`` still in the params file that the error ``said`` does not
    name (a placeholder title passes the params check, a placeholder date does not), as problems."""
    from ..data.messages import quote  # start-up: each command imports only what it uses
    from ..data.template import placeholder_problems  # start-up: each command imports only what it uses
    return [p for p in placeholder_problems(path) if quote(p.value) not in said]


def _refusal(path: Path, error: EvaltoolsError, args) -> str:
    """The error a project is refused with and every placeholder of ``evaltools new`` it does not name, one
    line each, so that every value left to fill in is listed at once; a params file's problems are counted
    with them in its first line (a head of '4 problem' over seven lines was read as lines missing)."""
    from ..data.errors import ParamsError  # start-up: each command imports only what it uses
    from ..data.template import with_placeholders  # start-up: each command imports only what it uses
    if isinstance(error, ParamsError):
        return with_placeholders(error, path).message(error.lang)
    extra = _other_placeholders(path, str(error))
    return f"{error}" + "".join(f"\n  - {p.note(_lang(args))}" for p in extra)


def _validate_text(project, lang: str) -> int:
    """Check the evaluator's text against the report's figures: citations of unknown figures and
    claims the figures contradict fail; numbers typed that are no figure of the report are warned of."""
    from ..present.report import Report  # start-up: each command imports only what it uses
    from ..present.sections.evaluator import check_notes  # start-up: each command imports only what it uses
    try:
        report = Report(project, lang=lang)
        for said in _not_computable(report):  # (an estimate the data cannot give: the report says why, so does this)
            print(f"  ! {project.id}: {said}")
        n = report.narrative
        if not n:
            # (a draft: where its assessment goes says what the report lacks, and that it is a draft, in one line)
            print(_where_to_write(project.id, project.params.source_path, lang) if report.is_draft
                  else _say("cli.text_other_language", lang, id=project.id))
            return EXIT_OK
        for key in n.parts:
            n.resolved(key)  # an unknown figure's name stops here, with file and line
        notes, texts = report.text_check, check_notes(report)
    except EvaltoolsError as e:
        print(f"{_say('cli.text_error', lang, id=project.id)}\n{e}\n", file=sys.stderr)
        return EXIT_FAILED
    where = n.source.name if n.source else "text"
    bad = [t for note, t in zip(notes, texts) if note.contradiction]
    warn = [t for note, t in zip(notes, texts) if not note.contradiction]
    mark = "✗" if bad else ("!" if warn else "✓")
    print(_say("cli.text_result", lang, mark=mark, id=project.id, where=where, bad=len(bad), warn=len(warn)))
    for t in bad:
        print(f"    ✗ {n.source}: {t}")
    for t in warn:
        print(f"    ! {n.source}: {t}")
    if report.is_draft:  # (a text without the overall assessment)
        print(_where_to_write(project.id, project.params.source_path, lang))
    return EXIT_FAILED if bad else EXIT_OK


def _not_computable(report) -> list[str]:
    """The report's sentences on estimates its data cannot give (the DiD on payments without variation or without
    months on both sides of the start), in the report's language; none without a comparison group."""
    from ..analysis.comparison import NOT_COMPUTABLE_NOTES  # start-up: each command imports only what it uses
    from ..words.labels import note_text  # start-up: each command imports only what it uses
    if report.project.comparison is None or report.project.payments is None:
        return []
    keys = set(NOT_COMPUTABLE_NOTES.values())
    return [note_text(n, report.lang) for n in report.payments.notes if n.key in keys]


def _where_to_write(pid: str, params_path: Path | None, lang: str) -> str:
    """For a draft: the heading and the file where the evaluator's overall assessment goes in ``lang``,
    which makes the report no longer a draft ("" without a params file)."""
    from ..words.evaluator_text import heading, text_path  # start-up: each command imports only what it uses
    if params_path is None:
        return ""
    return "  ! " + _say("cli.text_draft_where", lang, id=pid, heading=heading("assessment", lang),
                         path=text_path(params_path, lang))


def cmd_render(args, parser) -> int:
    if not args.quiet:  # the first line at once: starting Python and its libraries takes a while
        print(_say("cli.step_prepare", _lang(args)), flush=True)
    from .kernels import kernel_environment, warm_kernels  # start-up: each command imports only what it uses
    for name, value in kernel_environment().items():  # (for the processes started from here on)
        os.environ.setdefault(name, value)
    with warm_kernels(not args.cold_kernels):  # started first: it imports the report libraries meanwhile
        paths = _projects(args, parser)
        if not args.watch:
            return _render(args, parser, paths)
        from .watch import snapshot, watched  # start-up: each command imports only what it uses
        before = snapshot(watched(paths))  # (taken before the render: a file saved meanwhile is a change)
        return _watch(args, parser, paths, before, _render(args, parser, paths))


def _watch(args, parser, paths: list[Path], before, code: int) -> int:
    """``render --watch``: render again each time a file of the projects' input is saved, in this
    process and from its kernel zygote (each render in a new kernel), until Ctrl+C. Returns the last
    render's exit code."""
    from .watch import CtrlC, wait_for_change  # start-up: each command imports only what it uses
    lang = _lang(args)
    ctrl_c = CtrlC()
    previous = signal.signal(signal.SIGINT, ctrl_c)
    try:
        while True:
            ctrl_c.check()  # (pressed during the render, and lost there)
            print("\n" + _say("cli.watch_waiting", lang), flush=True)
            files, before = wait_for_change(paths, before, stopped=ctrl_c.check)
            gone = [f for f in files if f not in before]  # (removed, renamed or moved: not there now)
            saved = [f for f in files if f in before]
            if gone:
                print(_say("cli.watch_gone", lang, files=", ".join(_shown_path(f) for f in gone)), flush=True)
            if saved:
                print(_say("cli.watch_changed", lang, files=", ".join(_shown_path(f) for f in saved)), flush=True)
            code = _render(args, parser, paths)
    except KeyboardInterrupt:
        print(_say("cli.watch_stopped", lang), flush=True)
        return code
    finally:
        signal.signal(signal.SIGINT, previous)


def _shown_path(path: Path) -> str:
    """A file as the command names it: relative to the current folder where it lies inside it."""
    try:
        shown = str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        shown = str(path)
    return redact(shown)


def _render(args, parser, paths: list[Path]) -> int:
    from .render import (FORMATS, OPTIONAL_FORMATS, check_reports_dir, make_reports_dir,  # start-up: each command
                         render_many)  # imports only what it uses
    lang = _lang(args)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS + OPTIONAL_FORMATS]
    if bad or not formats:
        # (a format misspelt, 'htm', 'PDF': the option to write, where each one refused is close to one)
        meant = {f: m[0] for f in bad
                 if (m := difflib.get_close_matches(f.casefold(), FORMATS + OPTIONAL_FORMATS, n=1, cutoff=0.6))}
        fixed = ",".join(dict.fromkeys(meant.get(f, f) for f in formats)) if bad and len(meant) == len(bad) else ""
        parser.error(_say("cli.formats_near", lang, allowed=", ".join(FORMATS + OPTIONAL_FORMATS), got=repr(args.formats),
                          fixed=fixed) if fixed
                     else _say("cli.formats", lang, allowed=", ".join(FORMATS + OPTIONAL_FORMATS), got=repr(args.formats)))
    try:
        check_reports_dir(args.reports_dir, paths, lang)
        make_reports_dir(args.reports_dir, lang)  # (a file where it goes, a name too long: said, never a traceback)
    except EvaltoolsError as e:
        parser.error(f"--reports-dir: {e}")
    results = render_many(paths, args.reports_dir, formats, args.lang, args.jobs, progress=not args.quiet,
                          portfolio=args.all and not args.no_portfolio, warm=not args.cold_kernels)
    failed = [r for r in results if not r.ok]
    noted = [r for r in results if r.ok and r.notes]
    for r in results:
        mark = ("!" if r.notes else "✓") if r.ok else "✗"
        where = r.output_dir if r.ok else _say("cli.kept", lang)
        print(f"{mark} {r.project_id:32} {r.seconds:6.1f} s  {where}")
    _kind_hints(paths, lang)  # (what the report no longer tells the evaluator to do)
    for r in results:  # (delivered: the board's page runs on; a draft has no evaluator's text to shorten)
        if r.ok and r.page_one_held is False:
            print(f"  {r.project_id}: {_say('cli.page_one_runs_over_draft' if r.draft else 'cli.page_one_runs_over', lang)}")
        for said in r.not_computable if r.ok else ():  # (an estimate the data cannot give, as validate says it)
            print(f"  ! {r.project_id}: {said}")
    _drafts_where_to_write(paths, {r.project_id for r in results if r.ok and r.draft}, args.lang)
    for r in noted:
        print("\n" + _say("cli.delivered_but", lang, id=r.project_id), file=sys.stderr)
        for n in r.notes:
            print(f"  {n}", file=sys.stderr)
    if failed:
        print("\n" + _say("cli.failed", lang, k=len(failed), n=len(results)), file=sys.stderr)
        for r in failed:
            print(f"\n--- {r.project_id} ---\n{r.error}", file=sys.stderr)
        return EXIT_FAILED
    print("\n" + _say("cli.index", lang, path=Path(args.reports_dir).resolve() / "index.html"))
    return EXIT_FAILED if noted else EXIT_OK


TEMPLATE = """\
{head}
{fill}
id: {id}
kind: {marker} {fill_kind}
title: {title}
forbund: {marker} {fill_forbund}
owner: {marker} {fill_owner}
partners: []
period:
  start: {marker} {fill_date}
  planned_end: {marker} {fill_date}
{actual_end}
{data_as_of}
granted_sek: {marker} {fill_granted}
language: {lang}
data:
{workbook}
  participants: ../data/{id}/{id}.xlsx
  payments: ../data/{id}/{id}.xlsx
  budget: ../data/{id}/{id}.xlsx
  amount_unit: kr
{other_sheets}
{goals}
goals:
  - id: deltagare
    kind: participant_count
    label: Minst 50 deltagare per år
    target: 50
    period: project_year
  - id: egen_försörjning
    kind: share
    label: Minst 40 % av de avslutade går till egen försörjning
    target: 0.4
    period: whole_period
    denominator: exits
{success}
    success_outcomes: [arbete, arbete_med_stöd, studier, sjuk_aktivitetsersättning, sjukpenning, annan_ersättning]
{qualitative}
  # - id: samverkan
  #   kind: qualitative
  #   label: Ett hållbart samarbete mellan parterna kring målgruppen
  #   assessment: delvis
  #   evidence: Gemensamma ärendedragningar varannan vecka sedan hösten 2024 (mötesanteckningar).
{level}
# cost_benefit:
#   monthly_level: {{method: fixed, amount_sek: 8900, amount_year: 2023, source: "ansökan 2023, s. 4"}}
"""


def template_text(pid: str, title: str, marker: str, lang: str) -> str:
    """The params file ``evaltools new`` writes for project ``pid``: the keys and example values as the
    contract has them, the comments in ``lang`` (a Swedish evaluator's file explains itself in Swedish)."""
    import textwrap  # start-up: each command imports only what it uses

    def note(text: str, indent: str = "") -> str:
        return "\n".join(textwrap.wrap(text, width=112, initial_indent=f"{indent}# ", subsequent_indent=f"{indent}# ",
                                       break_long_words=False, break_on_hyphens=False))
    return TEMPLATE.format(
        id=pid, title=title, marker=marker, lang=lang,
        # (the words after the marker in the evaluator's language: an English file said 'samordningsförbundets namn')
        fill_kind=_say("cli.fill_kind", lang), fill_forbund=_say("cli.fill_forbund", lang),
        fill_owner=_say("cli.fill_owner", lang), fill_date=_say("cli.fill_date", lang),
        fill_granted=_say("cli.fill_granted", lang),
        head=note(_say("cli.template_head", lang, id=pid)), fill=note(_say("cli.template_fill", lang, marker=marker)),
        actual_end=note(_say("cli.template_actual_end", lang), "  "), data_as_of=note(_say("cli.template_data_as_of", lang)),
        workbook=note(_say("cli.template_workbook", lang, id=pid), "  "),
        other_sheets=note(_say("cli.template_other_sheets", lang, id=pid), "  "),
        goals=note(_say("cli.template_goals", lang)), success=note(_say("cli.template_success", lang), "    "),
        qualitative=note(_say("cli.template_qualitative", lang), "  "), level=note(_say("cli.template_level", lang)))


def _yaml_text(text: str) -> str:
    """``text`` as the value of a YAML key: as it is where YAML reads it back as that text ('Vägen ut'), else
    as a quoted string ('"Projekt: Vägen ut"')."""
    import yaml  # start-up: each command imports only what it uses
    try:
        if "\n" not in text and yaml.safe_load(f"title: {text}") == {"title": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def cmd_new(args, parser) -> int:
    from ..data import schema as S  # start-up: each command imports only what it uses
    from ..data.params import project_id_problem  # start-up: each command imports only what it uses
    from ..present.narrative import skeleton, text_path  # start-up: each command imports only what it uses
    from ..data.template import PLACEHOLDER, write_template  # start-up: each command imports only what it uses
    lang = _lang(args)
    pid = args.project_id
    problem = project_id_problem(pid, lang)
    if problem:
        parser.error(problem)
    if args.title and find_personnummer(args.title):  # (the title is shown on every page of the report)
        parser.error(_say("cli.title_personnummer", lang))
    target = PARAMS_DIR / f"{pid}.yaml"
    data = DATA_DIR / pid
    if target.exists() or data.exists():
        print(_say("cli.exists", lang, path=target if target.exists() else data), file=sys.stderr)
        return EXIT_FAILED
    PARAMS_DIR.mkdir(parents=True, exist_ok=True)
    # (a title of the evaluator's is written as a quoted YAML string: 'Projekt: Vägen ut', '#1 i länet' or a
    # line break would otherwise end the value, begin a comment or add a key of its own)
    title = _yaml_text(args.title) if args.title else f"{PLACEHOLDER} {_say('cli.fill_title', lang)}"
    target.write_text(template_text(pid, title, PLACEHOLDER, lang), encoding="utf-8")
    data.mkdir(parents=True)
    for name, spec in (("participants", S.PARTICIPANTS), ("payments", S.PAYMENTS), ("budget", S.BUDGET_TABLE)):
        (data / f"{name}.csv").write_text(",".join(c.name for c in spec.columns) + "\n", encoding="utf-8")
    write_template(data / f"{pid}.xlsx", lang)  # (its words in the evaluator's language; the sheets read in both)
    # the evaluator's own text: every heading with a line of guidance (evaltools.present.narrative)
    text = text_path(target, lang)
    if not text.exists():
        text.parent.mkdir(parents=True, exist_ok=True)
        text.write_text(skeleton(lang), encoding="utf-8")
    # the analysis plan, from the new params file's goals, to be completed before the data come in
    import yaml  # start-up: each command imports only what it uses

    from ..present.plan import plan_path, plan_text  # start-up: each command imports only what it uses
    plan = plan_path(target, lang)
    if not plan.exists():
        goals = (yaml.safe_load(template_text(pid, "", PLACEHOLDER, lang)) or {}).get("goals", [])
        plan.write_text(plan_text(args.title or pid, goals, lang, PLACEHOLDER), encoding="utf-8")
    print(_say("cli.new_done", lang, params=target, workbook=data / f"{pid}.xlsx", data=data))
    print("  " + _say("cli.new_next", lang, marker=PLACEHOLDER, id=pid))
    goals = [g["id"] for g in (yaml.safe_load(template_text(pid, "", PLACEHOLDER, lang)) or {})["goals"]]
    print("  " + _say("cli.new_goals", lang, goals=", ".join(goals)))
    print("  " + _say("cli.new_text", lang, path=text))
    print("  " + _say("cli.new_plan", lang, path=plan))
    return EXIT_OK


def cmd_kolada(args) -> int:
    """Fetch one KPI's series for one municipality from Kolada and keep it in the project's data
    folder (a context goal with ``kolada: {kpi, municipality}`` then reads it); print the goal."""
    from ..data.errors import ParamsError  # start-up: each command imports only what it uses
    from ..data.kolada import KoladaError, fetch_series, write_cache  # start-up: each command imports only what it uses
    from ..data.params import kolada_folder, load_params  # start-up: each command imports only what it uses
    lang = _lang(args)
    if args.project and not is_file(_project_path(args.project)):
        ids = [p.stem for p in all_params()]
        known = ", ".join(redact(i) for i in ids) or _say("cli.no_projects", lang)
        missing = redact(str(params_path(args.project)))
        meant = _meant_project(args.project, ids)  # (in other letters, or misspelt: the command to type)
        print("✗ " + (_say("cli.no_params", lang, missing=missing, folder=PARAMS_DIR, known=known) if meant is None
                      else _say("cli.no_params_meant", lang, missing=missing, near=redact(meant), ids=redact(meant),
                                command=f"kolada {args.kpi} {args.municipality} --project")),
              file=sys.stderr)
        return EXIT_FAILED
    try:
        folder = kolada_folder(load_params(_project_path(args.project))) if args.project else Path.cwd()
        series = fetch_series(args.kpi, args.municipality)
        path = write_cache(series, folder)  # (refused where the name is a link or a folder)
    except KoladaError as e:
        print(f"✗ {e.message(lang)}", file=sys.stderr)
        return EXIT_FAILED
    except EvaltoolsError as e:  # (the project's params file refused: in the session's language, as validate says it)
        print(f"✗ {e.message(lang) if isinstance(e, ParamsError) else e}", file=sys.stderr)
        return EXIT_FAILED
    years = [y for y, _ in series.points]
    print(_say("cli.kolada_fetched", lang, kpi=series.kpi, municipality=series.municipality, n=len(years),
               first=years[0], last=years[-1], fetched=series.fetched.isoformat(), path=path))
    print("  " + _say("cli.kolada_goal", lang))
    from ..data.template import PLACEHOLDER  # start-up: each command imports only what it uses
    print(f"  - id: kolada_{series.kpi}\n    kind: context\n    label: {PLACEHOLDER} {_say('cli.fill_kolada_label', lang)}\n"
          f"    kolada: {{kpi: {series.kpi}, municipality: '{series.municipality}'}}")
    return EXIT_OK


def cmd_docs(args) -> int:
    """List the documentation (each document's name, title and file), or print one document."""
    from .guide import documents, folder, title  # start-up: each command imports only what it uses
    lang = _lang(args)
    docs = documents()
    if not docs:
        print("✗ " + _say("cli.docs_none", lang), file=sys.stderr)
        return EXIT_FAILED
    if args.name is None:
        print(_say("cli.docs_list", lang, folder=folder()))
        for name, path in docs.items():
            print(f"  {name:20} {title(path)}")
        return EXIT_OK
    name = args.name.removeprefix("docs/").removesuffix(".md")
    if name not in docs:
        near = difflib.get_close_matches(_folded_id(name), list(docs), n=1, cutoff=0.6)  # (data-kontrakt: data-contract)
        print("✗ " + (_say("cli.docs_unknown_near", lang, name=redact(args.name), near=near[0], names=", ".join(docs))
                      if near else _say("cli.docs_unknown", lang, name=redact(args.name), names=", ".join(docs))),
              file=sys.stderr)
        return EXIT_FAILED
    print(docs[name].read_text(encoding="utf-8"), end="")
    return EXIT_OK


def _point_to_documents(lang: str) -> None:
    """After a command: for each document its output named (``docs/<name>.md``) that the project folder
    has no copy of (an installed wheel has its documents inside the package), one line saying where it is."""
    from .guide import unreachable  # start-up: each command imports only what it uses
    for stream in (sys.stdout, sys.stderr):
        named = getattr(stream, "documents", None)
        if not named:
            continue
        for name, path in unreachable(named).items():
            print(_say("cli.docs_where", lang, doc=f"docs/{name}.md", path=path, name=name), file=stream)
        named.clear()


def _positive_int(text: str, lang: str = DEFAULT_LANG) -> int:
    """``--jobs``: a whole number of processes, at least 1 (refused in ``lang``)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_say("cli.jobs_number", lang, got=repr(text))) from None
    if n < 1:
        raise argparse.ArgumentTypeError(_say("cli.jobs_low", lang, got=n))
    return n


def _lang_code(text: str) -> str:
    """``--lang``'s value as the choices write it: ``EN``, ``En`` or `` sv`` is a language too."""
    return text.strip().casefold()


def _argv_lang(argv: list[str]) -> str:
    """The language ``--lang`` names in ``argv``, before the arguments are parsed (a value refused while they are
    is said in it), else Swedish."""
    said = DEFAULT_LANG
    for i, arg in enumerate(argv):  # (the last one: the command's own, where one is written before it too)
        if arg == "--lang" and i + 1 < len(argv) and _lang_code(argv[i + 1]) in ("sv", "en"):
            said = _lang_code(argv[i + 1])
        elif arg.startswith("--lang=") and _lang_code(arg.removeprefix("--lang=")) in ("sv", "en"):
            said = _lang_code(arg.removeprefix("--lang="))
    return said


class _Parser(argparse.ArgumentParser):
    """The command's argument parser, in ``lang``: its help (``--help``) and its refusals, argparse's own words too
    ("usage:", "invalid choice", "the following arguments are required"), which were English in a Swedish session."""

    def __init__(self, *args, lang: str = DEFAULT_LANG, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.lang = lang
        self._positionals.title = _say("cli.help_positionals", lang)
        self._optionals.title = _say("cli.help_options", lang)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=_say("cli.help_help", lang))

    def format_usage(self) -> str:
        return self._worded_usage(super().format_usage())

    def format_help(self) -> str:
        return self._worded_usage(super().format_help())

    def _worded_usage(self, text: str) -> str:
        return _say("cli.help_usage", self.lang) + text.removeprefix("usage: ") if text.startswith("usage: ") else text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {_say('cli.help_error', self.lang)}: {_argparse_said(message, self.lang)}\n")


# argparse's own refusals, as it words them (Python 3.10-3.13), and the message saying each in the catalogs
_ARGPARSE_SAID = (
    (re.compile(r"argument (?P<name>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$", re.S),
     "cli.help_invalid_choice"),
    (re.compile(r"the following arguments are required: (?P<names>.+)$", re.S), "cli.help_required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)$", re.S), "cli.help_unrecognized"),
    (re.compile(r"argument (?P<name>\S+): expected one argument$"), "cli.help_expected_one"),
    (re.compile(r"argument (?P<name>\S+): (?P<said>.+)$", re.S), "cli.help_argument"),
)


def _argparse_said(said: str, lang: str) -> str:
    """A refusal of argparse's (``said``) in ``lang``; the command's own refusals are worded in it already."""
    for pattern, key in _ARGPARSE_SAID:
        if (m := pattern.match(said)) is not None:
            values = m.groupdict()
            if "value" in values:  # (a value of thousands of characters, pasted by mistake, is not echoed whole)
                value = values["value"]
                quoted = value[:1] if len(value) > 1 and value[:1] in "'\"" and value[-1:] == value[:1] else ""
                values["value"] = quoted + _shortened(value[len(quoted):len(value) - len(quoted)]) + quoted
            if key == "cli.help_required" and values["names"].strip() == "command":  # ('evaltools' alone: argparse
                return _say("cli.help_no_command", lang)                              # named its dest, 'command')
            if values.get("name") == "command":  # (the subcommand, which argparse names by its dest)
                values["name"] = _say("cli.help_command_word", lang)
            if key == "cli.help_invalid_choice" and (near := _choice_meant(values["value"], values["choices"])):
                return _say("cli.help_invalid_choice_near", lang, near=near, **values)  # (a typo: what to type)
            return _say(key, lang, **values)
    return said


def _shortened(text: str) -> str:
    """A value the command echoes, at most 60 characters (the last an ellipsis)."""
    return text if len(text) <= 60 else text[:57] + "…"


def _named_path(path: str | Path) -> str:
    """A path the command echoes, its file name (an id of thousands of characters, pasted by mistake) shortened."""
    path = Path(path)
    return str(path) if len(path.name) <= 60 else str(path.with_name(_shortened(path.name)))


# a language written by its name where --lang takes its code
_LANGUAGE_NAMES = {"svenska": "sv", "swedish": "sv", "english": "en", "engelska": "en"}


def _choice_meant(value: str, choices: str) -> str | None:
    """The choice a refused value probably means (``'valdate'``: ``'validate'``; ``'Render'``: ``'render'``), quoted
    as argparse quotes the choices; None where none is spelt close."""
    written = [c.strip() for c in choices.split(",")]
    plain = {c.strip("'").casefold(): c for c in written}
    written_value = value.strip("'\"").casefold()
    near = difflib.get_close_matches(written_value, list(plain), n=1, cutoff=0.6)
    if not near:  # (a language tag or a locale, 'en-GB', 'sv_SE.UTF-8', or more after it, 'sv;rm': its first word)
        first = re.match(r"[^\W\d_]+", written_value)
        near = [first.group()] if first and first.group() in plain and first.end() < len(written_value) else []
    if not near and _LANGUAGE_NAMES.get(written_value) in plain:  # ('svenska', 'English': the language's code)
        near = [_LANGUAGE_NAMES[written_value]]
    return plain[near[0]] if near else None


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """The ``evaltools`` command's arguments, with its help and refusals in ``lang``."""
    def say(key: str) -> str:
        return _say(key, lang)

    parser = _Parser(prog="evaltools", description=say("cli.help_description"), lang=lang)
    parser.add_argument("--version", action="version", version=f"evaltools {__version__}",
                        help=say("cli.help_version"))
    # (before the command too: 'evaltools --lang en list' was refused as a command named 'en')
    parser.add_argument("--lang", type=_lang_code, choices=("sv", "en"), dest="lang_first", help=say("cli.help_lang"))
    sub = parser.add_subparsers(dest="command", required=True, title=say("cli.help_commands"))
    listed = sub.add_parser("list", help=say("cli.help_list"), lang=lang)
    listed.add_argument("--lang", type=_lang_code, choices=("sv", "en"), help=say("cli.help_lang"))
    for name, helptext in (("validate", say("cli.help_validate")), ("render", say("cli.help_render"))):
        p = sub.add_parser(name, help=helptext, lang=lang)
        p.add_argument("projects", nargs="*", help=say("cli.help_projects"))
        p.add_argument("--all", action="store_true", help=say("cli.help_all"))
        p.add_argument("--lang", type=_lang_code, choices=("sv", "en"), help=say("cli.help_lang_report"))
        if name == "render":
            p.add_argument("--formats", default="html,pdf,xlsx,csv,docx", help=say("cli.help_formats"))
            p.add_argument("--jobs", type=functools.partial(_positive_int, lang=lang), default=None,
                           help=say("cli.help_jobs"))
            p.add_argument("--reports-dir", default=str(REPORTS_DIR), help=say("cli.help_reports_dir"))
            p.add_argument("--no-portfolio", action="store_true", help=say("cli.help_no_portfolio"))
            p.add_argument("--quiet", action="store_true", help=say("cli.help_quiet"))
            p.add_argument("--watch", action="store_true", help=say("cli.help_watch"))
            p.add_argument("--cold-kernels", action="store_true", help=say("cli.help_cold_kernels"))
    n = sub.add_parser("new", help=say("cli.help_new"), lang=lang)
    n.add_argument("project_id", help=say("cli.help_project_id"))
    n.add_argument("--title", default=None, help=say("cli.help_title"))
    n.add_argument("--lang", type=_lang_code, choices=("sv", "en"), help=say("cli.help_lang_new"))
    k = sub.add_parser("kolada", help=say("cli.help_kolada"), lang=lang)
    k.add_argument("kpi", help=say("cli.help_kpi"))
    k.add_argument("municipality", help=say("cli.help_municipality"))
    k.add_argument("--project", default=None, help=say("cli.help_project"))
    k.add_argument("--lang", type=_lang_code, choices=("sv", "en"), help=say("cli.help_lang"))
    d = sub.add_parser("docs", help=say("cli.help_docs"), lang=lang)
    d.add_argument("name", nargs="?", default=None, help=say("cli.help_doc_name"))
    d.add_argument("--lang", type=_lang_code, choices=("sv", "en"), help=say("cli.help_lang"))
    return parser


class _Unbroken:
    """An output stream whose reader may go away: ``evaltools render --all | head -3``, or a console
    closed while a batch runs. Once writing fails, what is printed is dropped and the command goes on,
    so a closed pipe never costs a report (it cost every report of the batch: each went to ``_failed``).
    It also notes the documents the output names (``docs/<name>.md``: :func:`_point_to_documents`)."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.broken = False
        self.documents: set[str] = set()

    def write(self, text: str) -> int:
        if "docs/" in text:
            from .guide import MENTION  # start-up: only output that names a document needs it
            self.documents.update(MENTION.findall(text))
        if not self.broken:
            try:
                return self._stream.write(text)
            except OSError:  # a broken pipe (EPIPE; EINVAL on Windows), a full disk: the output is lost, not the work
                self.broken = True
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except OSError:
                self.broken = True

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _never_fail_to_print() -> None:
    """Output whose encoding lacks the marks the command prints (✓, ✗) shows them as '?' instead of
    stopping the command: on Windows, output sent to a file or another program is Windows-1252. Output
    whose reader has gone away is dropped (:class:`_Unbroken`)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(stream, _Unbroken):
            continue
        try:
            "✓✗…åäö".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")
        setattr(sys, name, _Unbroken(stream))


def run() -> None:
    """The ``evaltools`` command: :func:`main`, then end the process without tearing down the interpreter.

    After a render the process holds pandas, scipy, nbconvert and WeasyPrint; freeing their objects one
    by one as Python exits took about half a second after the last file was written and the summary
    printed (docs/benchmarks.md). By then every file is written and closed and the kernels are shut
    down, so the output streams are flushed and the process ends at once with :func:`main`'s exit code.
    A usage error or an interrupt leaves the usual way.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or broken stream has nothing left to flush
            stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    _never_fail_to_print()
    parser = build_parser(_argv_lang(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if getattr(args, "lang", None) is None:  # (--lang written before the command)
        args.lang = args.lang_first
    pin_project_root()  # the kernels and worker processes use the same project folder as this command
    try:
        return _command(args, parser)
    finally:
        if args.command != "docs":
            with contextlib.suppress(Exception):  # a pointer to a document must never cost the command its result
                _point_to_documents(_lang(args))


def _command(args, parser) -> int:
    """Run the command ``args`` names; its exit code."""
    try:
        if args.command == "list":
            return cmd_list(args)
        if args.command == "validate":
            return cmd_validate(args, parser)
        if args.command == "render":
            return cmd_render(args, parser)
        if args.command == "kolada":
            return cmd_kolada(args)
        if args.command == "docs":
            return cmd_docs(args)
        return cmd_new(args, parser)
    except KeyboardInterrupt:  # Ctrl+C: said in a line, not a traceback (a render's unfinished files are removed)
        print("\n" + _say("cli.interrupted", _lang(args)), file=sys.stderr, flush=True)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    run()
