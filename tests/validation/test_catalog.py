"""The OASIS catalog resolver: entry kinds, precedence, chaining, safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_kirov.validation import catalog
from tei_kirov.validation.catalog import Catalog, CatalogError, file_uri

HEAD = '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{HEAD}{body}</catalog>", encoding="utf-8")
    return path


def test_entry_kinds_and_precedence(tmp_path: Path) -> None:
    cat = write(tmp_path, "c.xml", """
      <uri name="http://x.org/a.rng" uri="local/a.rng"/>
      <system systemId="http://s.org/s.rng" uri="/abs/s.rng"/>
      <rewriteURI uriStartString="http://x.org/" rewritePrefix="mirror/"/>
      <rewriteURI uriStartString="http://x.org/deep/" rewritePrefix="deeper/"/>
      <rewriteSystem systemIdStartString="http://sys.org/" rewritePrefix="sys/"/>
      <uriSuffix uriSuffix="/b.xsd" uri="suffix-b.xsd"/>
      <systemSuffix systemIdSuffix="/c.sch" uri="suffix-c.sch"/>
      <delegateURI uriStartString="http://d.org/" catalog="http://d.org/catalog.xml"/>
      <public publicId="-//X//DTD" uri="x.dtd"/>
      <group xml:base="grouped/"><uri name="http://g.org/g.rng" uri="g.rng"/></group>""")
    c = Catalog([str(cat)]).load()
    base = file_uri(tmp_path) + "/"
    assert c.resolve("http://x.org/a.rng") == base + "local/a.rng"  # exact beats rewrite
    assert c.resolve("http://s.org/s.rng") == "file:///abs/s.rng"  # system entries too
    assert c.resolve("http://x.org/deep/z.rng") == base + "deeper/z.rng"  # longest prefix
    assert c.resolve("http://x.org/other/z.rng") == base + "mirror/other/z.rng"
    assert c.resolve("http://sys.org/q.rng") == base + "sys/q.rng"
    assert c.resolve("https://anything/b.xsd") == base + "suffix-b.xsd"
    assert c.resolve("https://anything/c.sch") == base + "suffix-c.sch"
    assert c.resolve("http://g.org/g.rng") == base + "grouped/g.rng"
    assert c.resolve("http://d.org/delegated.rng") is None  # delegation is never followed
    assert c.resolve("http://unknown.org/u.rng") is None


def test_next_catalog_is_followed_once_even_in_a_cycle(tmp_path: Path) -> None:
    write(tmp_path, "second.xml", '<uri name="urn:two" uri="two.rng"/>'
                                  '<nextCatalog catalog="first.xml"/>')
    first = write(tmp_path, "first.xml", '<nextCatalog catalog="second.xml"/>')
    c = Catalog([str(first)]).load()
    assert c.resolve("urn:two") == file_uri(tmp_path) + "/two.rng"
    assert c.resolve("urn:none") is None


def test_earlier_catalog_wins(tmp_path: Path) -> None:
    a = write(tmp_path, "a.xml", '<uri name="urn:x" uri="from-a.rng"/>')
    b = write(tmp_path, "b.xml", '<uri name="urn:x" uri="from-b.rng"/>')
    assert str(Catalog([str(a), str(b)]).resolve("urn:x")).endswith("from-a.rng")


def test_bad_catalogs_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no such catalog"):
        catalog.build([tmp_path / "missing.xml"], environment=False)
    (tmp_path / "broken.xml").write_text("<catalog")
    with pytest.raises(CatalogError, match="not well-formed"):
        catalog.build([tmp_path / "broken.xml"], environment=False)
    (tmp_path / "other.xml").write_text("<catalog/>")
    with pytest.raises(CatalogError, match="not an OASIS XML catalog"):
        catalog.build([tmp_path / "other.xml"], environment=False)
    hostile = tmp_path / "hostile.xml"
    hostile.write_text('<!DOCTYPE c [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                       f'{HEAD}<uri name="urn:e" uri="&e;"/></catalog>')
    with pytest.raises(CatalogError):
        catalog.build([hostile], environment=False)


def test_environment_variable_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = write(tmp_path, "a.xml", '<uri name="urn:a" uri="a.rng"/>')
    b = write(tmp_path, "b.xml", '<uri name="urn:b" uri="b.rng"/>')
    monkeypatch.setenv(catalog.ENV_VAR, f"{a}  {file_uri(b)}")
    c = catalog.build(None)
    assert c.resolve("urn:a") and c.resolve("urn:b")
    monkeypatch.setenv(catalog.ENV_VAR, str(tmp_path / "gone.xml"))
    with pytest.raises(CatalogError, match=catalog.ENV_VAR):
        catalog.build(None)


def test_package_catalog_maps_tei_release_addresses_to_the_bundled_copy() -> None:
    bundled = catalog.package()
    for address in ("http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng",
                    "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"):
        target = bundled.resolve(address)
        assert target is not None and target.endswith("/schemas/tei_all.rng")
        assert Path(catalog.local_path(target) or "").is_file()
