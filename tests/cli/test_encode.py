"""``tei-kirov encode -o OUT`` never replaces an existing OUT without --force, not even one
that appears while it encodes."""

from click.testing import CliRunner

import tei_kirov.encoder
from tei_kirov.cli.main import cli
from tei_kirov.models import Document, P


def test_an_output_that_appears_while_encoding_is_kept(tmp_path, monkeypatch):
    out = tmp_path / "k.xml"

    def encode_slowly(text, authority):
        out.write_text("arrived meanwhile")  # after the early check, before the write
        return Document.new("T", P("x")), None

    monkeypatch.setattr(tei_kirov.encoder, "encode_with_report", encode_slowly)
    result = CliRunner().invoke(cli, ["encode", "-o", str(out)])
    assert result.exit_code == 2 and "exists" in result.stderr
    assert out.read_text() == "arrived meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.xml"]
