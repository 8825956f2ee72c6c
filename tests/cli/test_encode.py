"""``tei-kirov encode`` with a user's own text: --meta, the header options, the summary."""

from click.testing import CliRunner

import tei_kirov
import tei_kirov.encoder
from tei_kirov.cli.main import cli
from tei_kirov.models import Author, Document, P, Title, TitleStmt

TEXT = """THE TITLE

By Page Author

A first paragraph of the text, long enough to be running text. It has sentences. And
more of them.
"""


def _encode(tmp_path, *args):
    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "t.xml"
    result = CliRunner().invoke(cli, ["encode", str(src), "-o", str(out), "--force", *args])
    assert result.exit_code == 0, result.output
    doc = tei_kirov.read(out)
    stmt = next(doc.header.iter(TitleStmt))
    return result, [t.text() for t in stmt.iter(Title)], [a.text() for a in stmt.iter(Author)]


def test_the_title_page_gives_the_header_and_a_summary_line_goes_to_stderr(tmp_path):
    result, titles, authors = _encode(tmp_path)
    assert titles[0] == "THE TITLE" and authors == ["Page Author"]
    assert result.stdout == ""
    assert result.stderr.startswith("t.xml: 0 divisions, 0 notes, 0 dates, 0 names; ")
    assert result.stderr.rstrip().endswith(" s") and result.stderr.count("\n") == 1


def test_meta_file_then_options_override_the_title_page(tmp_path):
    meta = tmp_path / "m.toml"
    meta.write_text('title = "File Title"\nauthor = ["File Author"]\npublisher = "P"\n')
    _, titles, authors = _encode(tmp_path, "--meta", str(meta))
    assert titles[0] == "File Title" and authors == ["File Author"]
    _, titles, authors = _encode(tmp_path, "--meta", str(meta), "--title", "Option Title",
                                 "--author", "One Author", "--author", "Two Author")
    assert titles[0] == "Option Title" and authors == ["One Author", "Two Author"]


def test_report_lists_what_the_header_lacks_and_quiet_drops_the_summary(tmp_path):
    result, _, _ = _encode(tmp_path, "--report", "--quiet", "--date", "1900")
    assert "warning: no publisher in the header" in result.stderr
    assert "no date" not in result.stderr and "t.xml:" not in result.stderr


def test_no_pamphlet_data_without_asking(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text(TEXT.replace("It has", "Trotsky and Stalin met in New York. It has"))
    result = CliRunner().invoke(cli, ["encode", str(src)])
    assert result.exit_code == 0
    body = result.stdout.split("</teiHeader>")[1]
    assert "persName" not in body and "placeName" not in body and "standOff" not in body
    for word in ("Eds.", "Reprint", "Pioneer", "Kirov", "the translation", "Unknown"):
        assert word not in result.stdout


def test_a_bad_meta_file_is_one_line_naming_it(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text(TEXT)
    meta = tmp_path / "m.toml"
    meta.write_text('title = "unclosed\n')
    result = CliRunner().invoke(cli, ["encode", str(src), "--meta", str(meta)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{meta}:1:" in result.stderr and "not valid TOML" in result.stderr


def test_a_producer_credit_is_never_the_title(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Transcribed by Jane Doe (the e-text producer)\n\n\n" + TEXT)
    result = CliRunner().invoke(cli, ["encode", str(src)])
    header, body = result.stdout.split("</teiHeader>")
    assert '<title type="main">THE TITLE</title>' in header
    assert '<note type="credits">Transcribed by Jane Doe' in header
    assert "Jane Doe" not in body


def test_the_pamphlet_takes_options_over_its_own_metadata(tmp_path):
    result = CliRunner().invoke(cli, ["encode", "--title", "Another Title", "-q"])
    assert result.exit_code == 0 and result.stderr == ""
    header = result.stdout.split("</teiHeader>")[0]
    assert '<title type="main">Another Title</title>' in header
    assert 'xml:id="LT"' in header and 'ref="#trotsky"' in header  # the rest is its own


def test_a_bad_option_value_is_one_line(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text(TEXT)
    result = CliRunner().invoke(cli, ["encode", str(src), "--language", "English"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "the command line: field language" in result.stderr


def test_an_output_that_appears_while_encoding_is_kept(tmp_path, monkeypatch):
    out = tmp_path / "k.xml"

    def encode_slowly(*args, **kwargs):
        out.write_text("arrived meanwhile")  # after the early check, before the write
        return Document.new("T", P("x")), None

    monkeypatch.setattr(tei_kirov.encoder, "encode_with_report", encode_slowly)
    result = CliRunner().invoke(cli, ["encode", "-o", str(out)])
    assert result.exit_code == 2 and "exists" in result.stderr
    assert out.read_text() == "arrived meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.xml"]
