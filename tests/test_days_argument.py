"""time_to_exit's days: whole days at least 0, one or several, a text that is a number read as one; anything
else a ParamsError naming each wrong value (it was numpy's UFuncTypeError from deep inside)."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.arguments import check_days
from evaltools.data.errors import ParamsError

from .conftest import sample_project


def test_days_as_given_or_as_text_are_read_as_whole_days():
    assert check_days("days", (30, "90", 180.0), "time_to_exit") == (30, 90, 180)
    assert check_days("days", 365, "time_to_exit") == (365,)


@pytest.mark.parametrize("days, wrong", [((30, "nittio"), "'nittio'"), ((30, 45.5), "45.5"), ((-7,), "-7"),
                                         ((True,), "True"), (None, "None")])
def test_a_wrong_day_is_named(days, wrong):
    with pytest.raises(ParamsError) as e:
        check_days("days", days, "time_to_exit", "sv")
    text = str(e.value)
    assert "time_to_exit" in text and f"days: står {wrong}" in text


def test_time_to_exit_takes_a_text_day_and_refuses_a_wrong_one():
    project = sample_project("timra-vagen-ut")
    by_text = et.time_to_exit(project, by=None, days=(30, "90"))
    by_number = et.time_to_exit(project, by=None, days=(30, 90))
    assert by_text.raw.equals(by_number.raw)
    with pytest.raises(ParamsError, match="days: står 'nittio'"):
        et.time_to_exit(project, by=None, days=(30, "nittio"))


def test_an_argument_error_is_headed_as_the_arguments_not_the_params_file():
    """A wrong argument was headed '1 problem i projektparametrarna', as if the params file were wrong."""
    project = sample_project("timra-vagen-ut")
    with pytest.raises(ParamsError) as e:
        et.time_to_exit(project, by=None, days=("nittio",))
    assert str(e.value).startswith("time_to_exit: 1 problem i argumenten:")
    assert "projektparametrarna" not in str(e.value)
    assert e.value.in_lang("en").message("en").startswith("time_to_exit: 1 problem(s) in the arguments:")
