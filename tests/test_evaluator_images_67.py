"""An image or a link to a file beside the evaluator's text, as evaluators write them when they paste a chart into
their notes (``![Deltagare per år](bild.png)``, a Windows path): the image's description is shown and the link's
words, nothing fetched and no Markdown left on the page (found: a relative image printed as its raw Markdown,
'![Diagram över deltagare](bild.png)', in the HTML, the PDF and Word, where docs/evaluator-text.md said its
description is shown)."""
from __future__ import annotations

import pytest

from evaltools.present.narrative import to_html


@pytest.mark.parametrize("source, shown", [
    ("Före ![Diagram över deltagare](bild.png) efter.", "<p>Före Diagram över deltagare efter.</p>\n"),
    ("![Karta](bilder/karta.png)", "<p>Karta</p>\n"),
    ("![Kurva](C:\\Users\\utv\\kurva.png)", "<p>Kurva</p>\n"),
    ("![Kurva](C:/Users/utv/kurva.png)", "<p>Kurva</p>\n"),
    ("![Logga](https://example.org/logga.png)", "<p>Logga</p>\n"),  # (as before: its description)
    ("Se [bilagan](bilaga.pdf).", "<p>Se bilagan.</p>\n"),
    ("Se [avsnittet](#kostnader).", "<p>Se avsnittet.</p>\n"),
])
def test_an_image_or_a_link_of_a_file_is_shown_as_its_words(source, shown):
    assert to_html(source) == shown


@pytest.mark.parametrize("source", ["[x](javascript:alert(1))", "![x](//evil.example/x.png)",
                                    "[d](data:text/html,x)", "[f](file:///etc/passwd)"])
def test_a_link_to_a_script_another_host_or_a_file_address_stays_text_and_no_tag(source):
    html = to_html(source)
    assert "<a" not in html and "<img" not in html and "href" not in html


def test_a_web_address_is_still_a_link():
    assert to_html("[Finsam](https://www.finsam.se)") == \
        "<p><a rel='nofollow noopener' href=\"https://www.finsam.se\">Finsam</a></p>\n"
