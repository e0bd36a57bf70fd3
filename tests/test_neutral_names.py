"""A neutral file name never looks like a personnummer itself: ten hex digits of a hash are now and
then ten decimal digits that do."""
from __future__ import annotations

import hashlib
import itertools
import uuid

from evaltools.data.privacy import find_personnummer, neutral_name


def test_a_content_hash_whose_first_ten_digits_look_like_a_personnummer_gives_another_window(tmp_path):
    # search for a content whose SHA-256 starts with ten digits shaped like a personnummer
    for i in itertools.count():
        content = f"person_id\nU{i}\n".encode()
        digest = hashlib.sha256(content).hexdigest()
        if find_personnummer(f"fil-{digest[:10]}.csv"):
            break
    path = tmp_path / "data.csv"
    path.write_bytes(content)
    name = neutral_name(path)
    assert not find_personnummer(name)
    assert name.startswith("fil-") and name.endswith(".csv") and name[4:-4] in digest and name[4:-4] != digest[:10]
    assert neutral_name(path) == name  # the same file, the same name


def test_an_ordinary_hash_keeps_its_first_ten_digits(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"person_id\nP1\n")
    assert neutral_name(path) == "fil-" + hashlib.sha256(b"person_id\nP1\n").hexdigest()[:10] + ".csv"


def test_a_random_name_never_looks_like_a_personnummer(tmp_path, monkeypatch):
    # an unreadable file gets a random name; the random digits here start with 811218-9876's shape
    values = iter([uuid.UUID("81121898-76aa-4bcd-8def-0123456789ab"), uuid.UUID(int=0xabcdef)])
    monkeypatch.setattr(uuid, "uuid4", lambda: next(values))  # (imported where the name is made)
    name = neutral_name(tmp_path / "missing.csv")
    assert not find_personnummer(name) and name.startswith("fil-") and name.endswith(".csv")
    assert "8112189876" not in name


def test_a_bad_project_ids_stand_in_never_looks_like_a_personnummer(monkeypatch):
    # a params file name that is no project id stands for the project (until the file is read) as
    # "params-" and ten hex digits of the name's hash: search for a name whose hash starts with digits
    # shaped like a personnummer, and see that the stand-in takes other digits of that hash
    from evaltools.publish import render
    for i in itertools.count():
        stem = f"projekt {i}"  # (a space: not a project id)
        digest = hashlib.sha256(stem.encode()).hexdigest()
        if find_personnummer(f"params-{digest[:10]}"):
            break
    seen = []
    monkeypatch.setattr(render, "_refused", lambda key, *a: seen.append(key) or render.RenderResult(key, ok=False))
    render.render_project(f"/nowhere/{stem}.yaml")
    assert len(seen) == 1 and seen[0].startswith("params-") and seen[0][7:] in digest
    assert not find_personnummer(seen[0]) and seen[0] != f"params-{digest[:10]}"
