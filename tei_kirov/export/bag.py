"""A BagIt package (RFC 8493, BagIt 1.0) of an edition, validated by the Library of
Congress's ``bagit`` library.

Payload (``data/``): the TEI file, the schema it validates against, the HTML and the text
renderings. ``bag-info.txt`` is filled from the ``teiHeader``; sha256 and sha512 manifests.
The bag is written here (bagit's own writer changes the working directory of the process)
in a hidden folder next to the destination, validated in full by ``bagit``, and only then
renamed into place, so a refused, failed or interrupted export leaves nothing behind.
Nothing process-wide changes: no working directory, no logging level.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import bagit

from ..atomic import check_target, publish_dir, staging_dir
from ..errors import TeiWriteError
from ..models import Document
from ..models.base import Container, Element, TeiElement
from ._meta import read_meta
from ._tree import attr, descendants, local, root_of
from .html import to_html
from .text import to_text

CHECKSUMS = ("sha256", "sha512")
#: The profile schema, copied into ``data/schema/`` with the local files it imports.
PROFILE_SCHEMA = "tei_kirov.xsd"
_SCHEMA_LOCATION = re.compile(
    rb"<xs:(?:import|include|redefine)\b[^>]*?schemaLocation=\"([^\"]+)\"")
_BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: The start of the one bagit warning :func:`quiet_bagit` hides.
_BAGIT_RE_WARNING = "'count' is passed as positional argument"


def bag_info(doc: Document | Container, tei: bytes | None = None) -> dict[str, str | list[str]]:
    """``bag-info.txt`` fields taken from the header (empty fields left out). The
    External-Identifier is the header's ``idno``, else the root's ``xml:id``, else the
    sha256 of the TEI file (``tei``) as a URN."""
    root = root_of(doc)
    meta = read_meta(root)
    info: dict[str, str | list[str]] = {}

    def put(key: str, value: str | list[str]) -> None:
        if isinstance(value, list):
            value = [v for v in dict.fromkeys(value) if v]
            if len(value) == 1:
                value = value[0]
        if value:
            info[key] = value

    put("Title", meta.title)
    put("Author", meta.names("author"))
    put("Editor", meta.names("editor"))
    put("Translator", meta.names("translator"))
    put("Encoder", meta.names("encoder"))
    put("Source", _one_line(meta.source))
    put("Source-Date", meta.source_dates)
    put("Date-Created", meta.created)
    put("Date-Published", meta.pub_date)
    put("Publisher", meta.publisher)
    put("Source-Organization", meta.publisher)
    put("Licence", _one_line(meta.licence))
    put("Licence-URL", meta.licence_url)
    identifiers = list(meta.identifiers) or [attr(root, "xml:id") or ""]
    if not any(identifiers) and tei is not None:
        identifiers = ["urn:sha256:" + hashlib.sha256(tei).hexdigest()]
    put("External-Identifier", identifiers)
    put("External-Description",
        f"TEI P5 edition{' of ' + meta.title if meta.title else ''}, with its schema and "
        "HTML and plain-text renderings (made by tei_kirov)")
    put("Bagging-Date", bagging_date(root))
    return info


def bagging_date(root: Container) -> str:
    """A reproducible Bagging-Date: ``SOURCE_DATE_EPOCH`` when set, else the latest full
    date of the header's revision or publication statements, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).date().isoformat()
    header = next((el for el in descendants(root) if local(el) == "teiHeader"), None)
    found = []
    if header is not None:
        for el in descendants(header):
            if local(el) in ("change", "date") and _in_edition_part(header, el):
                when = attr(el, "when") or ""
                if _FULL_DATE.match(when):
                    found.append(when[:10])
    if found:
        return max(found)
    return _dt.datetime.now(tz=_dt.timezone.utc).date().isoformat()


def _in_edition_part(header: Container, el: Container) -> bool:
    """Whether ``el`` lies in ``publicationStmt`` or ``revisionDesc`` (dates of the edition,
    not of the source)."""
    return any(
        local(part) in ("publicationStmt", "revisionDesc")
        and (part is el or any(d is el for d in descendants(part)))
        for part in descendants(header)
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _schema_sources() -> list[tuple[str, bytes]]:
    """The profile XSD and every local schema document it imports or includes."""
    folder = resources.files("tei_kirov") / "schemas"
    out: dict[str, bytes] = {}
    todo = [PROFILE_SCHEMA]
    while todo:
        name = todo.pop()
        item = folder / name
        if name in out or "/" in name or ":" in name or not item.is_file():
            continue
        data = item.read_bytes()
        out[name] = data
        todo.extend(m.decode() for m in _SCHEMA_LOCATION.findall(data))
    return sorted(out.items())


def _tei_bytes(doc: Document | Container, source: str | os.PathLike[str] | None) -> bytes:
    path = source or getattr(doc, "source", None)
    if path and Path(path).is_file():
        return Path(path).read_bytes()
    from ..xml.writer import to_bytes

    if isinstance(doc, Document):
        return to_bytes(doc)
    if not isinstance(doc, (TeiElement, Element)):
        raise TypeError(f"cannot serialise {type(doc).__name__}: give a Document or an element")
    return to_bytes(Document(root=doc))


def to_bag(
    doc: Document | Container,
    destination: str | os.PathLike[str],
    *,
    force: bool = False,
    source: str | os.PathLike[str] | None = None,
    name: str | None = None,
) -> Path:
    """Build the bag of ``doc`` at ``destination`` (a folder that must not exist unless
    ``force``) and return its path. ``source``: the TEI file to package (default: the file
    the document was read from, else its serialisation); ``name``: the payload file stem."""
    target = Path(os.fspath(destination))
    check_target(target, force)
    stem = name or Path(source or getattr(doc, "source", None) or "edition.xml").stem
    tei = _tei_bytes(doc, source)
    html = to_html(doc).encode("utf-8")
    text = to_text(doc).encode("utf-8")
    schemas = _schema_sources()
    info = bag_info(doc, tei)
    with staging_dir(target) as staged:
        data = staged / "data"
        data.mkdir()
        (data / f"{stem}.xml").write_bytes(tei)
        (data / f"{stem}.html").write_bytes(html)
        (data / f"{stem}.txt").write_bytes(text)
        if schemas:
            (data / "schema").mkdir()
            for schema_name, data_bytes in schemas:
                (data / "schema" / schema_name).write_bytes(data_bytes)
        write_tag_files(staged, info)
        _validate(staged)
        return publish_dir(staged, target, force=force)


def write_tag_files(folder: Path, info: dict[str, str | list[str]]) -> None:
    """Turn ``folder``, whose payload stands in ``data/``, into a BagIt 1.0 bag: manifests
    of the payload, ``bagit.txt``, ``bag-info.txt`` (with its Payload-Oxum) and the tag
    manifests, one per algorithm of :data:`CHECKSUMS`."""
    payload = sorted(p for p in (folder / "data").rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in payload)
    (folder / "bagit.txt").write_text(_BAGIT_TXT, encoding="utf-8")
    fields = dict(info)
    fields["Payload-Oxum"] = f"{size}.{len(payload)}"
    fields.setdefault("Bag-Software-Agent", "tei_kirov")
    lines = []
    for key in sorted(fields):
        value = fields[key]
        for one in value if isinstance(value, list) else [value]:
            lines.append(f"{key}: {_one_line(one)}\n")
    (folder / "bag-info.txt").write_text("".join(lines), encoding="utf-8")
    for algorithm in CHECKSUMS:
        _manifest(folder, f"manifest-{algorithm}.txt", algorithm, payload)
    tag_files = sorted(p for p in folder.iterdir()
                       if p.is_file() and not p.name.startswith("tagmanifest-"))
    for algorithm in CHECKSUMS:
        _manifest(folder, f"tagmanifest-{algorithm}.txt", algorithm, tag_files)


def _manifest(folder: Path, name: str, algorithm: str, files: list[Path]) -> None:
    lines = []
    for path in files:
        digest = hashlib.new(algorithm, path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {_manifest_path(path.relative_to(folder).as_posix())}\n")
    (folder / name).write_text("".join(lines), encoding="utf-8")


def _manifest_path(path: str) -> str:
    """A path as a manifest writes it: ``%``, CR and LF percent-encoded (RFC 8493 2.1.3)."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _validate(folder: Path) -> None:
    try:
        validate_bag(folder)
    except (bagit.BagError, bagit.BagValidationError) as exc:
        raise TeiWriteError(f"the bag does not validate: {exc}", path=str(folder)) from exc


@contextmanager
def quiet_bagit() -> Iterator[None]:
    """Hide the DeprecationWarning that ``bagit`` (1.9) raises from its own code on
    Python 3.13+ for every manifest line (``re.sub`` given flags as ``count``), and only
    that one; everything else is reported as usual."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_BAGIT_RE_WARNING,
                                category=DeprecationWarning, module="bagit")
        yield


def validate_bag(path: str | os.PathLike[str]) -> bagit.Bag:
    """Open and fully validate the bag at ``path`` (checksums included); raises
    ``bagit.BagValidationError`` when it does not validate."""
    with quiet_bagit():
        bag = bagit.Bag(os.fspath(path))
        bag.validate(processes=1, fast=False)
    return bag
