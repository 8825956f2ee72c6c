"""BagIt packages: built with bagit, validated before they are moved into place, valid
after being moved elsewhere, filled from the header; nothing half-written on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit
import pytest

from tei_kirov.errors import TeiWriteError
from tei_kirov.export import bag as bag_module
from tei_kirov.export import bag_info, to_bag, validate_bag


@pytest.fixture
def epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01


def _stem(doc) -> str:
    return Path(doc.source).stem


def test_bag_validates_after_being_moved(edition, tmp_path, epoch):
    built = to_bag(edition, tmp_path / "bag")
    moved = tmp_path / "elsewhere" / "moved-bag"
    moved.parent.mkdir()
    shutil.move(str(built), str(moved))
    bag = bagit.Bag(str(moved))
    bag.validate(processes=1, fast=False)  # full validation: every checksum
    assert bag.is_valid()
    assert bag.version_info == (1, 0)
    assert set(bag.algorithms) == {"sha256", "sha512"}


def test_payload(edition, tmp_path, epoch):
    out = to_bag(edition, tmp_path / "bag")
    stem = _stem(edition)
    payload = sorted(str(p.relative_to(out / "data")) for p in (out / "data").rglob("*")
                     if p.is_file())
    assert payload == sorted([f"{stem}.xml", f"{stem}.html", f"{stem}.txt",
                              "schema/tei_kirov.xsd", "schema/xml.xsd"])
    assert (out / "data" / f"{stem}.xml").read_bytes() == Path(edition.source).read_bytes()
    for name in ("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
                 "tagmanifest-sha512.txt", "bagit.txt", "bag-info.txt"):
        assert (out / name).is_file()


def test_bag_info_from_the_header(letter, tmp_path, epoch):
    out = to_bag(letter, tmp_path / "bag")
    info = bagit.Bag(str(out)).info
    assert info["Title"] == "A Letter from Odessa"
    assert info["Author"] == "Margaret Harker"
    assert info["Translator"] == "Ivan Petrov"
    assert info["Editor"] == "Test Editor"
    assert info["Encoder"] == "tei_kirov test suite"
    assert info["Source"].startswith("An invented letter")
    assert info["Date-Created"] == "1905-06-14" and info["Date-Published"] == "2026"
    assert info["Licence"] == "CC0 1.0"
    assert info["Licence-URL"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert info["External-Identifier"] == "urn:example:tei-kirov:letter"
    assert info["Bagging-Date"] == "2025-01-01"
    assert info["Payload-Oxum"]


def test_identifier_falls_back_to_the_file_hash(kirov, minimal):
    import hashlib

    data = Path(minimal.source).read_bytes()
    assert bag_info(minimal, data)["External-Identifier"] == (
        "urn:sha256:" + hashlib.sha256(data).hexdigest())
    info = bag_info(kirov, Path(kirov.source).read_bytes())
    assert info["External-Identifier"]
    for field in ("Title", "Author", "Translator", "Encoder", "Source", "Licence",
                  "Date-Published", "Bagging-Date"):
        assert info.get(field), field


def test_bagging_date_from_the_header_without_epoch(pamphlet, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert bag_info(pamphlet)["Bagging-Date"] == "2026-11-25"


def test_deterministic(pamphlet, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = to_bag(pamphlet, tmp_path / "one")
    second = to_bag(pamphlet, tmp_path / "two")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_existing_destination_is_refused_untouched(letter, tmp_path, epoch):
    target = tmp_path / "bag"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(TeiWriteError, match="exists"):
        to_bag(letter, target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bag"]


def test_force_replaces(letter, tmp_path, epoch):
    target = tmp_path / "bag"
    target.mkdir()
    (target / "old.txt").write_text("old")
    to_bag(letter, target, force=True)
    validate_bag(target)
    assert not (target / "old.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bag"]


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError("disk full")])
def test_interrupted_export_leaves_nothing(letter, tmp_path, monkeypatch, epoch, exc):
    def boom(*args, **kwargs):
        raise exc

    monkeypatch.setattr(bag_module.bagit.Bag, "validate", boom)
    with pytest.raises(type(exc)):
        to_bag(letter, tmp_path / "bag")
    assert list(tmp_path.iterdir()) == []


def test_a_bag_that_does_not_validate_is_not_moved_into_place(letter, tmp_path, monkeypatch,
                                                             epoch):
    real_write = bag_module.write_tag_files

    def corrupting(folder, info):
        real_write(folder, info)
        (Path(folder) / "data" / "letter.txt").write_text("changed after hashing")

    monkeypatch.setattr(bag_module, "write_tag_files", corrupting)
    with pytest.raises(TeiWriteError, match="does not validate"):
        to_bag(letter, tmp_path / "bag")
    assert list(tmp_path.iterdir()) == []


def test_forced_replacement_keeps_the_old_bag_when_building_fails(letter, tmp_path,
                                                                 monkeypatch, epoch):
    target = to_bag(letter, tmp_path / "bag")
    before = (target / "manifest-sha256.txt").read_text()
    monkeypatch.setattr(bag_module, "to_html", lambda doc: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        to_bag(letter, target, force=True)
    assert (target / "manifest-sha256.txt").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bag"]


def test_bagging_changes_nothing_process_wide(letter, tmp_path, epoch, monkeypatch):
    """No working directory change (not even for a moment), no logging level set, no
    warning raised."""
    import logging
    import os
    import warnings

    logger = logging.getLogger("bagit")
    level = logger.level

    def no_chdir(path):
        raise AssertionError(f"the working directory was changed to {path}")

    monkeypatch.setattr(os, "chdir", no_chdir)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = to_bag(letter, tmp_path / "bag")
        validate_bag(out)
    assert logger.level == level


def test_quiet_bagit_hides_only_bagits_regex_warning():
    import warnings

    def warn(message, module):
        warnings.warn_explicit(message, DeprecationWarning, f"{module}.py", 1, module=module)

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with bag_module.quiet_bagit():
            warn("'count' is passed as positional argument", "bagit")
            warn("'count' is passed as positional argument", "mine")
            warn("Use Bag.algorithms instead of Bag.algs", "bagit")
    assert [(str(w.message)[:7], w.filename) for w in seen] == [
        ("'count'", "mine.py"), ("Use Bag", "bagit.py")]


def test_manifest_paths_are_percent_encoded():
    assert bag_module._manifest_path("data/a%b\nc\rd.txt") == "data/a%25b%0Ac%0Dd.txt"
