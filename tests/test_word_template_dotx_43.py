"""A förbund keeps its Word template as Word saves one (.dotx): the params file may name it as it is, and the
report is made from it as Word makes a new document from a template; a macro template (.dotm) is refused, since a
report saved as .docx cannot hold its macros."""
from __future__ import annotations

import zipfile

import docx
import pytest

from evaltools.data.params import ParamsError, load_params
from evaltools.publish import render

from .test_word_finish_42 import _as_word_template


def _dotx(path):
    """A template as Word saves one (:func:`_as_word_template`), with a footer of the förbund's own."""
    source = docx.Document()
    source.sections[0].footer.paragraphs[0].text = "Samordningsförbundet Exempelby"
    source.save(str(path.with_suffix(".tmp")))
    return _as_word_template(path.with_suffix(".tmp"), path)


def test_a_template_saved_as_dotx_is_named_as_it_is_and_gives_the_report_its_footer(tiny_project, worker_zygote):
    _dotx(tiny_project.dir / "Förbundsmall.dotx")
    params = tiny_project("word_template: Förbundsmall.dotx\n")
    assert load_params(params).word_template == (tiny_project.dir / "Förbundsmall.dotx").resolve()
    res = render.render_project(params, tiny_project.dir / "reports", ("html", "docx"))
    assert res.ok, res.error
    made = tiny_project.dir / "reports" / "tiny" / "tiny.docx"
    # a document, not a template Word would open as a new one
    assert b"wordprocessingml.document.main+xml" in zipfile.ZipFile(made).read("[Content_Types].xml")
    assert docx.Document(str(made)).sections[0].footer.paragraphs[0].text.startswith("Samordningsförbundet Exempelby")


@pytest.mark.parametrize("name", ["mall.dotm", "mall.doc"])
def test_a_macro_template_or_an_old_word_file_is_refused_with_what_to_name(tiny_project, name):
    (tiny_project.dir / name).write_bytes(b"PK\x03\x04")
    with pytest.raises(ParamsError) as e:
        load_params(tiny_project(f"word_template: {name}\n"))
    assert f"'{name}' är inget Word-dokument" in e.value.message("sv") and ".dotx" in e.value.message("sv")
    assert f"'{name}' is not a Word document" in e.value.message("en") and ".dotx" in e.value.message("en")
